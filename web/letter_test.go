package web

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/role"
	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/catalog"
	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/redact"
	"github.com/hushdesk/hushdesk/web/letter/lettertest"
)

// plantTurn records a question and its answer in a customer's
// conversation as the assistant records them: the question redacted by
// the redactor, the values behind its placeholders kept beside it.
func plantTurn(t *testing.T, env *testEnv, customer, conv string, l lang.Tag, question, answer string) {
	t.Helper()
	ph := redact.NewPlaceholders()
	q := redact.New(redact.Options{}).Redact(question, ph)
	ev := audit.Envelope{Type: audit.TypeDecision, Conversation: env.store.ConversationRef(conv),
		Subject: env.store.SubjectPseudonym(customer), Language: string(l), Decision: "answer"}
	content := &audit.Content{Question: q.Text, Answer: answer, Placeholders: inference.Stored(ph.Entries(0))}
	if _, err := env.store.Append(context.Background(), ev, content); err != nil {
		t.Fatal(err)
	}
}

// get sends a GET with a bearer token and returns the response with its
// body read.
func get(t *testing.T, url, token string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

// TestSubjectLetterPDF: the subject export as a PDF letter, in the
// language asked for or the customer's own, says what the customer said
// with their personal data hidden (though its value is stored beside the
// redacted text), and nothing of a conversation they erased; a format
// that is not known is refused before any request is logged.
func TestSubjectLetterPDF(t *testing.T) {
	env := newEnv(t, nil, Options{Company: "Testco"})
	srv := env.serve(t)
	officer := env.secret[role.Compliance]
	kept, erased := "c_"+strings.Repeat("A", 22), "c_"+strings.Repeat("B", 22)
	plantTurn(t, env, "cust-9", kept, lang.ChineseSimplified, "你好，我想退货。我的邮箱是 lena.berg@example.dk", "您可以在收货后 30 天内退货。")
	plantTurn(t, env, "cust-9", erased, lang.Danish, "Hej, jeg er utilfreds med Kvistfyr-lampen og vil have pengene tilbage på kort 4571 9930 1234 5678",
		"Jeg sender dig til en medarbejder.")
	if code, body := call(t, "DELETE", srv.URL+"/api/v1/conversations/"+erased, "", ""); code != http.StatusOK {
		t.Fatalf("erase the conversation = %d %s", code, body)
	}
	subject := env.store.SubjectPseudonym("cust-9")
	never := []string{"lena.berg", "example.dk", "4571", "5678", "Kvistfyr", "utilfreds", "medarbejder"}

	for _, tt := range []struct {
		query string
		lang  lang.Tag
		said  string // what the customer said, as the letter shows it
	}{
		{"format=pdf&lang=zh-Hans", lang.ChineseSimplified, "你好，我想退货。我的邮箱是 " + catalog.Text(lang.ChineseSimplified, "hidden.email")},
		{"format=pdf&lang=ms", lang.Malay, "你好，我想退货。我的邮箱是 " + catalog.Text(lang.Malay, "hidden.email")},
		// The language last written in, of what is left: the Danish
		// conversation was erased.
		{"format=pdf", lang.ChineseSimplified, "你好，我想退货。我的邮箱是 " + catalog.Text(lang.ChineseSimplified, "hidden.email")},
	} {
		t.Run(tt.query, func(t *testing.T) {
			resp, body := get(t, srv.URL+"/api/v1/subjects/cust-9/export?"+tt.query, officer)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("= %d %s", resp.StatusCode, body)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "application/pdf" {
				t.Errorf("Content-Type %q", ct)
			}
			want := fmt.Sprintf(`attachment; filename="letter-%s-%s.pdf"`, subject, tt.lang)
			if cd := resp.Header.Get("Content-Disposition"); cd != want {
				t.Errorf("Content-Disposition %q, want %q", cd, want)
			}
			text := lettertest.Read(t, body).Text()
			for _, w := range []string{catalog.Textf(tt.lang, "letter.title", "company", "Testco"), tt.said, "您可以在收货后 30 天内退货。"} {
				if !strings.Contains(text, lettertest.NoSpace(w)) {
					t.Errorf("the letter does not say %q", w)
				}
			}
			// The subject's pseudonym, a random key's hash in hex, may
			// hold "5678" by chance.
			shown := strings.ReplaceAll(text, lettertest.NoSpace(subject), "")
			for _, s := range never {
				if strings.Contains(shown, lettertest.NoSpace(s)) {
					t.Errorf("the letter shows %q", s)
				}
			}
		})
	}

	// The HTML letter is still there; a format not known is refused, and
	// no request is logged for it.
	if resp, body := get(t, srv.URL+"/api/v1/subjects/cust-9/export?format=html&lang=da", officer); resp.StatusCode != http.StatusOK ||
		resp.Header.Get("Content-Type") != "text/html; charset=utf-8" || !strings.Contains(string(body), `<html lang="da">`) {
		t.Errorf("HTML letter = %d %s %.200s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	before := len(types(t, env.store))
	for _, format := range []string{"docx", "PDF", "pdf "} {
		resp, body := get(t, srv.URL+"/api/v1/subjects/cust-9/export?format="+url.QueryEscape(format), officer)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), "format must be json, html or pdf") {
			t.Errorf("format %q = %d %s", format, resp.StatusCode, body)
		}
	}
	if after := len(types(t, env.store)); after != before {
		t.Errorf("%d events logged for refused exports", after-before)
	}
}
