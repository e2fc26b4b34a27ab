package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestSignedSubjects(t *testing.T) {
	s := New(&fakeAsker{}, noTranscripts{}, Options{SubjectSecret: "site-secret", AskRatePerMinute: -1})
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
		s.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/api/v1/ask", strings.NewReader(body)))
		if rec.Code != tt.status {
			t.Errorf("subject %q = %d %s, want %d", tt.subject, rec.Code, rec.Body.String(), tt.status)
		}
	}
	if id, err := s.subjectID(good); err != nil || id != "cust.42" {
		t.Fatalf("subjectID = %q, %v", id, err)
	}
}
