package web

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestSignedSubjects(t *testing.T) {
	s := newEnv(t, nil, Options{SubjectSecret: "site-secret", AskRatePerMinute: -1}).srv
	good := SignSubject("site-secret", "cust.42", time.Now().Add(time.Hour))
	tests := []struct {
		subject string
		status  int
	}{
		{"", 200},
		{good, 200},
		{"cust.42", 400},
		{SignSubject("other-secret", "cust.42", time.Now().Add(time.Hour)), 400},
		{SignSubject("site-secret", "cust.42", time.Now().Add(-time.Minute)), 400},
		{strings.Replace(good, "cust.42", "cust.43", 1), 400},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		body := `{"question": "hi", "subject": "` + tt.subject + `"}`
		req := httptest.NewRequest(http.MethodPost, "/api/v1/ask", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		s.Handler().ServeHTTP(rec, req)
		if rec.Code != tt.status {
			t.Errorf("subject %q = %d %s, want %d", tt.subject, rec.Code, rec.Body.String(), tt.status)
		}
	}
	if id, err := s.subjectID(good); err != nil || id != "cust.42" {
		t.Fatalf("subjectID = %q, %v", id, err)
	}
	// Without a secret a customer id from the browser links nothing.
	open := newEnv(t, nil, Options{AskRatePerMinute: -1}).srv
	if id, err := open.subjectID("alice@example.com"); err != nil || id != "" {
		t.Fatalf("unsigned subject without a secret = %q, %v", id, err)
	}
}

// FuzzSubjectID checks the reading of signed subjects, which come from
// anyone's browser: no input panics, and only a subject SignSubject made
// with the secret is accepted, naming the id it was made for.
func FuzzSubjectID(f *testing.F) {
	s := &Server{opts: Options{SubjectSecret: "site-secret"}} // subjectID needs the secret alone
	f.Add(SignSubject("site-secret", "cust.42", time.Now().Add(time.Hour)))
	f.Add("cust.42")
	f.Add("a.0000000000000000000000000000000000000000000000000000000000000000000000000099999999999.x")
	f.Add("..")
	f.Fuzz(func(t *testing.T, subject string) {
		id, err := s.subjectID(subject)
		if err != nil || subject == "" {
			return
		}
		dot := strings.LastIndexByte(subject, '.')
		expiry := subject[strings.LastIndexByte(subject[:dot], '.')+1 : dot]
		n, perr := strconv.ParseInt(expiry, 10, 64)
		if perr != nil || SignSubject("site-secret", id, time.Unix(n, 0)) != subject {
			t.Fatalf("accepted %q as %q", subject, id)
		}
	})
}
