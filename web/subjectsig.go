package web

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
	"time"
)

// Customer ids passed by the embedding site ("subject") decide whose
// record a conversation joins, and so what a subject export contains.
// With a subject secret configured, the site must sign them, so that
// nobody else can attach conversations to a customer:
//
//	subject = id + "." + expiry + "." + hex(HMAC-SHA256(secret, id + "." + expiry))
//
// where expiry is a Unix time in seconds.

// errUnsignedSubject explains what a signed subject looks like.
var errUnsignedSubject = errors.New(`"subject" must be signed by your site: id.expiry.signature (see the API documentation)`)

// SignSubject signs a customer id for the embedding site, valid until
// expiry.
func SignSubject(secret, id string, expiry time.Time) string {
	payload := id + "." + strconv.FormatInt(expiry.Unix(), 10)
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(payload))
	return payload + "." + hex.EncodeToString(m.Sum(nil))
}

// subjectID returns the customer id a request names: the verified id of
// a signed subject. Without a subject secret no customer id from a
// browser is trusted: it is ignored, and the conversation stays
// anonymous, so that nobody can attach conversations to another
// customer's records, or learn anything about them.
func (s *Server) subjectID(subject string) (string, error) {
	if subject == "" || s.opts.SubjectSecret == "" {
		return "", nil
	}
	last := strings.LastIndexByte(subject, '.')
	if last < 0 {
		return "", badRequest(errUnsignedSubject.Error())
	}
	payload, sig := subject[:last], subject[last+1:]
	dot := strings.LastIndexByte(payload, '.')
	if dot <= 0 {
		return "", badRequest(errUnsignedSubject.Error())
	}
	expiry, err := strconv.ParseInt(payload[dot+1:], 10, 64)
	if err != nil {
		return "", badRequest(errUnsignedSubject.Error())
	}
	// The expiry must be written as SignSubject writes it (no sign, no
	// leading zeros), so that the subject and its signature compare whole.
	want := SignSubject(s.opts.SubjectSecret, payload[:dot], time.Unix(expiry, 0))
	if len(want) != len(subject) || !hmac.Equal([]byte(want[last+1:]), []byte(sig)) || want[:last] != payload {
		return "", badRequest("the subject's signature is not valid")
	}
	if time.Now().Unix() > expiry {
		return "", badRequest("the subject's signature has expired")
	}
	return payload[:dot], nil
}
