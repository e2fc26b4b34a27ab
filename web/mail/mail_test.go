package mail_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime/quotedprintable"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/web/mail"
	"github.com/hushdesk/hushdesk/web/mail/mailtest"
)

func relay(t *testing.T, url, ca string, timeout time.Duration) *mail.Relay {
	t.Helper()
	r, err := mail.NewRelay(mail.RelayOptions{URL: url, Password: mailtest.Password, From: "support@larkspur.example", CAFile: ca, Timeout: timeout})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func body(t *testing.T, raw []byte) string {
	t.Helper()
	_, b, _ := strings.Cut(string(raw), "\r\n\r\n")
	dec, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(b)))
	if err != nil {
		t.Fatal(err)
	}
	return string(dec)
}

func TestSendOverStartTLS(t *testing.T) {
	srv := mailtest.Start(t)
	r := relay(t, srv.URL, srv.CAFile, 5*time.Second)
	msg := mail.Compose(mail.Letter{From: r.From(), To: "ib@example.dk", Lang: "da", Company: "Larkspur Home", AgentName: "Mette",
		Text: "Hej! Vi sender en ny elkedel i morgen.", Link: "https://support.example/#conversation=c_x"})
	if err := r.Send(context.Background(), "ib@example.dk", msg); err != nil {
		t.Fatal(err)
	}
	got := srv.Messages()
	if len(got) != 1 || got[0].To != "ib@example.dk" || got[0].From != "support@larkspur.example" {
		t.Fatalf("messages = %+v", got)
	}
	text := body(t, got[0].Data)
	for _, want := range []string{"Mette fra Larkspur Home", "elkedel i morgen", "https://support.example/#conversation=c_x", "AI-assistent"} {
		if !strings.Contains(text, want) {
			t.Errorf("the e-mail lacks %q:\n%s", want, text)
		}
	}
	// Without the relay's CA the certificate is refused: no clear text.
	if err := relay(t, srv.URL, "", 5*time.Second).Send(context.Background(), "ib@example.dk", msg); mail.Problem(err) != "tls" {
		t.Errorf("send to an untrusted relay = %v (%s)", err, mail.Problem(err))
	}
	srv.Refuse(true)
	if err := r.Send(context.Background(), "ib@example.dk", msg); !errors.Is(err, mail.ErrRefused) {
		t.Errorf("send to a refusing relay = %v", err)
	}
	if err := relay(t, mailtest.Silent(t), "", 200*time.Millisecond).Send(context.Background(), "ib@example.dk", msg); !errors.Is(err, mail.ErrTimeout) {
		t.Errorf("send to a silent relay = %v", err)
	}
}

// TestSendOverImplicitTLS: an smtps:// relay (port-465 style) speaks TLS
// from the first byte: the reply is delivered, authenticated, when the
// relay's certificate is trusted; an untrusted certificate (another CA,
// the system's), a relay that speaks clear text first, or wrong
// credentials each fail with their kind, and nothing is delivered.
func TestSendOverImplicitTLS(t *testing.T) {
	srv := mailtest.StartImplicitTLS(t)
	if !strings.HasPrefix(srv.URL, "smtps://") {
		t.Fatalf("the implicit-TLS relay is at %s", srv.URL)
	}
	msg := mail.Compose(mail.Letter{From: "support@larkspur.example", To: "ib@example.dk", Lang: "en", Company: "Larkspur Home", AgentName: "Mette",
		Text: "Hi! A new kettle is on its way.", Link: "https://support.example/#conversation=c_x"})
	starttls := mailtest.Start(t) // a relay with a CA of its own, offering STARTTLS
	for _, tc := range []struct {
		name, url, ca, password string
		want                    error // nil: delivered
		problem                 string
	}{
		{"its CA", srv.URL, srv.CAFile, mailtest.Password, nil, ""},
		{"another CA", srv.URL, starttls.CAFile, mailtest.Password, mail.ErrTLS, "tls"},
		{"the system's CAs", srv.URL, "", mailtest.Password, mail.ErrTLS, "tls"},
		{"a relay that speaks clear text first", "smtps" + strings.TrimPrefix(starttls.URL, "smtp"), starttls.CAFile, mailtest.Password, mail.ErrTLS, "tls"},
		{"a wrong password", srv.URL, srv.CAFile, "not-the-secret", mail.ErrAuth, "auth"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := len(srv.Messages()) + len(starttls.Messages())
			r, err := mail.NewRelay(mail.RelayOptions{URL: tc.url, Password: tc.password, From: "support@larkspur.example", CAFile: tc.ca, Timeout: 5 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			err = r.Send(context.Background(), "ib@example.dk", msg)
			if tc.want == nil {
				if err != nil {
					t.Fatalf("send = %v", err)
				}
				got := srv.Messages()
				if len(got) != before+1 {
					t.Fatalf("messages = %+v", got)
				}
				m := got[len(got)-1]
				if m.User != mailtest.User || m.To != "ib@example.dk" || m.From != "support@larkspur.example" ||
					!strings.Contains(body(t, m.Data), "A new kettle is on its way") {
					t.Errorf("delivered %+v", m)
				}
				return
			}
			if !errors.Is(err, tc.want) || mail.Problem(err) != tc.problem {
				t.Errorf("send = %v (%s), want %v (%s)", err, mail.Problem(err), tc.want, tc.problem)
			}
			if err != nil && strings.Contains(err.Error(), "ib@example.dk") {
				t.Errorf("the error quotes the recipient: %v", err)
			}
			if n := len(srv.Messages()) + len(starttls.Messages()); n != before {
				t.Errorf("%d messages delivered, want none", n-before)
			}
		})
	}
}

// TestNewRelayURL: the relay's URL says how to reach it; one that cannot
// work is refused at start with what to write instead.
func TestNewRelayURL(t *testing.T) {
	for _, tc := range []struct {
		url, refused string // refused: what the error says; empty: accepted
	}{
		{"smtp://hushdesk@relay.example:587", ""},
		{"smtp://relay.example", ""},
		{"smtps://hushdesk@relay.example:465", ""},
		{"smtps://relay.example", ""},
		{"smtp://hushdesk@relay.example:465", "write smtps://"},
		{"http://relay.example", "smtp (STARTTLS) or smtps (TLS)"},
		{"relay.example:587", "write it as smtp://"},
		{"", "write it as smtp://"},
	} {
		_, err := mail.NewRelay(mail.RelayOptions{URL: tc.url, From: "support@larkspur.example"})
		switch {
		case tc.refused == "" && err != nil:
			t.Errorf("%q refused: %v", tc.url, err)
		case tc.refused != "" && (err == nil || !strings.Contains(err.Error(), tc.refused)):
			t.Errorf("%q = %v, want an error saying %q", tc.url, err, tc.refused)
		}
	}
}

func TestCheckAddress(t *testing.T) {
	for _, ok := range []string{"ib@example.dk", "li.wei+shop@example.com.my"} {
		if _, err := mail.CheckAddress(ok); err != nil {
			t.Errorf("%q refused: %v", ok, err)
		}
	}
	for _, bad := range []string{"", "ib", "ib@localhost", "Ib <ib@example.dk>", "ib@example.dk\r\nBcc: x@example.org", "a@b.c, d@e.f", strings.Repeat("a", 250) + "@example.dk"} {
		if _, err := mail.CheckAddress(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

type recorder struct {
	mu  sync.Mutex
	got []audit.EmailResult
}

func (r *recorder) RecordEmail(_ context.Context, _ string, res audit.EmailResult) (uint64, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, res)
	return 1, nil
}

func (r *recorder) results() []audit.EmailResult {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]audit.EmailResult(nil), r.got...)
}

func TestOutboxRetriesWithBackoff(t *testing.T) {
	srv := mailtest.Start(t)
	srv.Refuse(true)
	rec := &recorder{}
	changed := make(chan string, 32)
	ob := mail.NewOutbox(relay(t, srv.URL, srv.CAFile, 5*time.Second), rec, mail.OutboxOptions{Attempts: 3, Backoff: 50 * time.Millisecond,
		Changed: func(_, m string) { changed <- m }})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go ob.Run(ctx)
	ob.Send(mail.Delivery{Handoff: "h_1", Message: "m_1", To: "ib@example.dk", Msg: []byte("Subject: x\r\n\r\nhello\r\n")})
	<-changed
	if st, _ := ob.Status("m_1"); st.State != mail.StateRetrying || st.Problem != "refused" || st.NextAttempt.IsZero() {
		t.Fatalf("after a refusal: %+v", st)
	}
	srv.Refuse(false) // the relay comes back: the retry goes through
	srv.Wait(t, 1, 5*time.Second)
	deadline := time.Now().Add(5 * time.Second)
	for st, _ := ob.Status("m_1"); st.State != mail.StateSent; st, _ = ob.Status("m_1") {
		if time.Now().After(deadline) {
			t.Fatalf("status = %+v", st)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if r := rec.results(); len(r) != 1 || !r[0].Sent || r[0].Attempts != 2 {
		t.Fatalf("recorded = %+v", r)
	}
	// A relay that never answers: after every attempt, a failure the agent sees.
	silent := mail.NewOutbox(relay(t, mailtest.Silent(t), "", 100*time.Millisecond), rec, mail.OutboxOptions{Attempts: 2, Backoff: 20 * time.Millisecond})
	go silent.Run(ctx)
	silent.Send(mail.Delivery{Handoff: "h_2", Message: "m_2", To: "ib@example.dk", Msg: []byte("x")})
	deadline = time.Now().Add(5 * time.Second)
	for st, _ := silent.Status("m_2"); st.State != mail.StateFailed; st, _ = silent.Status("m_2") {
		if time.Now().After(deadline) {
			t.Fatalf("status = %+v", st)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if r := rec.results(); len(r) != 2 || r[1].Sent || r[1].Problem != "timeout" || r[1].Attempts != 2 {
		t.Fatalf("recorded = %+v", r)
	}
}

// statuses is an in-memory mail.Statuses, as the PostgreSQL store keeps them.
type statuses struct {
	mu sync.Mutex
	m  map[string]mail.Status
}

func (s *statuses) PutStatus(_ context.Context, message string, st mail.Status) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[message] = st
	return nil
}

func (s *statuses) LoadStatus(_ context.Context, message string) (mail.Status, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, ok := s.m[message]
	return st, ok, nil
}

func TestOutboxSharesWhereDeliveriesStand(t *testing.T) {
	srv := mailtest.Start(t)
	shared := &statuses{m: map[string]mail.Status{}}
	rec := &recorder{}
	a := mail.NewOutbox(relay(t, srv.URL, srv.CAFile, 5*time.Second), rec, mail.OutboxOptions{Statuses: shared})
	b := mail.NewOutbox(relay(t, srv.URL, srv.CAFile, 5*time.Second), rec, mail.OutboxOptions{Statuses: shared})
	if _, ok := b.Status("m_1"); ok {
		t.Fatal("a status before anything was sent")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go a.Run(ctx)
	a.Send(mail.Delivery{Handoff: "h_1", Message: "m_1", To: "ib@example.dk", Msg: []byte("Subject: x\r\n\r\nhello\r\n")})
	srv.Wait(t, 1, 5*time.Second)
	deadline := time.Now().Add(5 * time.Second)
	for st, _ := b.Status("m_1"); st.State != mail.StateSent; st, _ = b.Status("m_1") {
		if time.Now().After(deadline) {
			t.Fatalf("the other replica sees %+v", st)
		}
		time.Sleep(10 * time.Millisecond)
	}
	for _, st := range shared.m {
		if strings.Contains(fmt.Sprint(st), "ib@example.dk") || strings.Contains(fmt.Sprint(st), "hello") {
			t.Fatalf("a shared status holds the letter: %+v", st)
		}
	}
	// A replica that queued a reply and stopped: past its next attempt by
	// more than a while, the others no longer say the reply is on its way.
	shared.PutStatus(ctx, "m_2", mail.Status{State: mail.StateRetrying, NextAttempt: time.Now().Add(-time.Hour)})
	if st, ok := b.Status("m_2"); ok {
		t.Fatalf("a silent replica's retry is believed: %+v", st)
	}
	shared.PutStatus(ctx, "m_3", mail.Status{State: mail.StateRetrying, NextAttempt: time.Now().Add(time.Minute)})
	if st, ok := b.Status("m_3"); !ok || st.State != mail.StateRetrying {
		t.Fatalf("a live replica's retry: %+v %v", st, ok)
	}
}
