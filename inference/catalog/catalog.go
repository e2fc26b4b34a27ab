// Package catalog holds every sentence Hushdesk shows to a customer, an
// agent or a reviewer, in every supported language: the AI disclosure,
// abstentions, hand-off messages, the chat page's and the widget's words,
// error messages, and the sentence that explains each decision's reason.
//
// The sentences live in one JSON file a language (text/en.json ...), so
// that translators edit data, not code; Go code names them by Key, and
// the chat page and the widget fetch theirs from the server (Client), so
// the two can no longer drift apart. A test checks that every language has
// every sentence, with the same {placeholders}.
package catalog

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"strconv"
	"strings"
	"time"

	"github.com/hushdesk/hushdesk/inference/decision"
	"github.com/hushdesk/hushdesk/inference/lang"
)

// Key names one sentence.
type Key string

// The sentences the server says itself. The chat page's and the widget's
// words are the keys under "chat.", read by the clients.
const (
	// Disclosure tells the customer they are talking to an AI (EU AI Act
	// Art. 50) and can always reach a person.
	Disclosure Key = "answer.disclosure"
	// Abstain is said when the knowledge base has no answer; it offers a
	// person.
	Abstain Key = "answer.abstain"
	// ExtractiveIntro opens an answer quoted from the knowledge base;
	// TentativeIntro one the search is not sure answers the question.
	ExtractiveIntro Key = "answer.extractive_intro"
	TentativeIntro  Key = "answer.tentative_intro"
	// Interrupted opens a quoted answer given because the model stopped.
	Interrupted Key = "answer.interrupted"
	// AwaitingPerson acknowledges a message while a person has the
	// conversation.
	AwaitingPerson Key = "handoff.awaiting_person"
	// ErrorTooLong says a message is over the limit; {max} is the limit.
	ErrorTooLong Key = "chat.error_too_long"
	// OfferDeclined answers a "no" to the offer of a person.
	OfferDeclined Key = "answer.offer_declined"
	// Clarify asks what the customer means, before the suggestions;
	// ClarifyNone asks the same when there are none to give.
	Clarify     Key = "answer.clarify"
	ClarifyNone Key = "answer.clarify_none"
)

// Smalltalk returns the key of the reply to a courtesy: greeting, thanks,
// goodbye, ack or compliment.
func Smalltalk(kind string) Key { return Key("smalltalk." + kind) }

// Handoff returns the key of the sentence the customer reads when a
// person takes over for reason r.
func Handoff(r decision.Reason) Key { return Key("handoff." + string(r)) }

// Reason returns the key of the sentence that explains reason r to a
// reviewer.
func Reason(r decision.Reason) Key { return Key("reason." + string(r)) }

// clientPrefix marks the keys the chat page and the widget read.
const clientPrefix = "chat."

//go:embed text/*.json
var files embed.FS

var (
	texts   = map[lang.Tag]map[Key]string{}
	version string
)

func init() {
	h := sha256.New()
	for _, t := range lang.Supported() {
		b, err := files.ReadFile("text/" + string(t) + ".json")
		if err != nil {
			panic(fmt.Sprintf("catalog: no sentences for %s: %v", t, err))
		}
		var m map[Key]string
		if err := json.Unmarshal(b, &m); err != nil {
			panic(fmt.Sprintf("catalog: text/%s.json: %v", t, err))
		}
		texts[t] = m
		h.Write(b)
	}
	version = hex.EncodeToString(h.Sum(nil)[:8])
}

// Text returns sentence k in language t; in English when t has no such
// sentence, and the key itself when no language has it (a test keeps that
// from happening).
func Text(t lang.Tag, k Key) string {
	if s, ok := texts[t.Or(lang.Default)][k]; ok {
		return s
	}
	if s, ok := texts[lang.Default][k]; ok {
		return s
	}
	return string(k)
}

// Textf returns sentence k in language t with its {name} placeholders
// filled from pairs of name and value.
func Textf(t lang.Tag, k Key, pairs ...string) string {
	s := Text(t, k)
	for i := 0; i+1 < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, "{"+pairs[i]+"}", pairs[i+1])
	}
	return s
}

// Has reports whether sentence k exists in English (and so, as a test
// checks, in every language).
func Has(k Key) bool {
	_, ok := texts[lang.Default][k]
	return ok
}

// Client returns the sentences the chat page and the widget show, in
// language t, keyed without their "chat." prefix; the disclosure is among
// them.
func Client(t lang.Tag) map[string]string {
	t = t.Or(lang.Default)
	out := map[string]string{"disclosure": Text(t, Disclosure)}
	for k, s := range texts[t] {
		if name, ok := strings.CutPrefix(string(k), clientPrefix); ok {
			out[name] = s
		}
	}
	return out
}

// Version identifies the catalogue's content, for caching: it changes
// whenever a sentence does.
func Version() string { return version }

// Keys returns every key of the English catalogue.
func Keys() []Key { return keysOf(texts[lang.Default]) }

func keysOf(m map[Key]string) []Key {
	out := make([]Key, 0, len(m))
	for k := range maps.Keys(m) {
		out = append(out, k)
	}
	return out
}

// Date writes a day as people of language t write it ("7 January 2027",
// "7. januar 2027", "2027年1月7日").
func Date(t lang.Tag, d time.Time) string {
	return Textf(t, "date.long", "day", strconv.Itoa(d.Day()), "month", Text(t, Key(fmt.Sprintf("date.month.%02d", int(d.Month())))),
		"year", strconv.Itoa(d.Year()))
}
