package pgstore_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/pgstore"
)

// The contract of the records both stores keep with the same code
// (audit.Records): the agent queue, legal holds, data-subject requests,
// canned responses and settings, and what erasure and retention do to
// them.

// recordsUnderTest is what both stores offer of their records.
type recordsUnderTest interface {
	logUnderTest
	Handoffs(ctx context.Context, status, team string) ([]audit.Handoff, error)
	Handoff(ctx context.Context, id string) (audit.Handoff, error)
	ActiveHandoff(ctx context.Context, conversation string) (audit.Handoff, bool, error)
	ClaimHandoff(ctx context.Context, id string, by audit.Agent) (audit.Handoff, error)
	ReplyHandoff(ctx context.Context, id string, by audit.Agent, message string, content audit.Content) (uint64, audit.Handoff, error)
	AddNote(ctx context.Context, id string, by audit.Agent, text string) (uint64, audit.Handoff, error)
	TransferHandoff(ctx context.Context, id, team string, by audit.Agent) (audit.Handoff, error)
	AssignHandoff(ctx context.Context, id string, to, by audit.Agent, force bool) (audit.Handoff, error)
	HandBack(ctx context.Context, id string, by audit.Agent, force bool) (audit.Handoff, error)
	RequestEmailReplies(ctx context.Context, conversation string, to audit.ReplyTo) (audit.Handoff, error)
	ReplyAddress(ctx context.Context, conversation string) (audit.ReplyTo, bool, error)
	RecordEmail(ctx context.Context, id string, r audit.EmailResult) (uint64, error)
	RevealValue(ctx context.Context, id, label string, by audit.Agent, reason string) (audit.Revealed, error)
	PlaceHoldFor(ctx context.Context, target, basis, customerID, actor string) (audit.Hold, error)
	ReleaseHold(ctx context.Context, target, actor string) error
	Holds(ctx context.Context) ([]audit.Hold, error)
	LogRequest(ctx context.Context, spec audit.RequestSpec) (audit.Request, error)
	ExtendRequest(ctx context.Context, id, reason, actor string) (audit.Request, error)
	CompleteRequest(ctx context.Context, id, actor string) (audit.Request, error)
	Requests(ctx context.Context) ([]audit.Request, error)
	ExportSubject(ctx context.Context, pseudonym, actor string) (audit.SubjectExport, error)
	SaveCanned(ctx context.Context, c audit.Canned, actor string) (audit.Canned, error)
	DeleteCanned(ctx context.Context, id, actor string) error
	CannedResponses(ctx context.Context) ([]audit.Canned, error)
	Setting(ctx context.Context, name string) ([]byte, bool, error)
	PutSetting(ctx context.Context, name string, value []byte, actor string) error
	Transparency(ctx context.Context, from, to time.Time) (audit.TransparencyReport, error)
	ProveEvent(ctx context.Context, seq uint64) (audit.Proof, error)
	FirstQuestion(ctx context.Context, ref string) (audit.Event, bool, error)
}

var (
	_ recordsUnderTest = (*audit.Store)(nil)
	_ recordsUnderTest = (*pgstore.Store)(nil)
)

func openRecords(t *testing.T, b backend, st settings) recordsUnderTest {
	s, _ := b.open(t, st)
	return s.(recordsUnderTest)
}

func handoffDecision(c, subj, message string) audit.Envelope {
	return audit.Envelope{Type: audit.TypeDecision, Conversation: c, Subject: subj, Message: message, Decision: "handoff",
		ReasonCode: "asked_for_person", Attrs: map[string]string{"team": "support"}}
}

func TestContractHandoffQueue(t *testing.T) {
	contract(t, func(t *testing.T, b backend) {
		s := openRecords(t, b, settings{})
		ctx := context.Background()
		ann, bo := audit.Agent{ID: "agent:t_ann", Name: "Ann"}, audit.Agent{ID: "agent:t_bo"}
		mustAppend(t, s, handoffDecision(conv(1), "", "m_1"), &audit.Content{Question: "a person please",
			Placeholders: []audit.Placeholder{{Label: "<EMAIL_1>", Type: "EMAIL", Value: "ann@example.com"}}})
		id := audit.HandoffID("m_1")
		mustAppend(t, s, decision(conv(1), ""), &audit.Content{Question: "hello?"})
		h, ok, err := s.ActiveHandoff(ctx, conv(1))
		if err != nil || !ok || h.ID != id || h.Messages != 2 || h.Unread != 2 || h.Status != audit.HandoffOpen {
			t.Fatalf("active hand-off: %+v %v %v", h, ok, err)
		}
		if first, ok, err := s.FirstQuestion(ctx, conv(1)); err != nil || !ok || first.Content.Question != "a person please" {
			t.Fatalf("first question: %+v %v", first, err)
		}
		if _, err := s.ClaimHandoff(ctx, id, ann); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ClaimHandoff(ctx, id, bo); !errors.Is(err, audit.ErrHandoffTaken) {
			t.Fatalf("a second claim: %v", err)
		}
		if _, h, err = s.ReplyHandoff(ctx, id, ann, "m_r1", audit.Content{Text: "I am here"}); err != nil || h.Unread != 0 || h.Replies != 1 || h.AgentName != "Ann" {
			t.Fatalf("reply: %+v %v", h, err)
		}
		if _, h, err = s.AddNote(ctx, id, bo, "internal"); err != nil || h.Notes != 1 {
			t.Fatalf("note: %+v %v", h, err)
		}
		if r, err := s.RevealValue(ctx, id, "<EMAIL_1>", ann, "to answer the question"); err != nil || r.Value != "ann@example.com" {
			t.Fatalf("reveal: %+v %v", r, err)
		}
		if _, err := s.RevealValue(ctx, id, "<EMAIL_1>", bo, "not mine to reveal"); !errors.Is(err, audit.ErrHandoffTaken) {
			t.Fatalf("reveal by another agent: %v", err)
		}
		if _, err := s.RequestEmailReplies(ctx, conv(1), audit.ReplyTo{Address: "ann@example.com", Resume: "c_cap"}); err != nil {
			t.Fatal(err)
		}
		if to, ok, err := s.ReplyAddress(ctx, conv(1)); err != nil || !ok || to.Address != "ann@example.com" {
			t.Fatalf("reply address: %+v %v %v", to, ok, err)
		}
		if _, err := s.RecordEmail(ctx, id, audit.EmailResult{Message: "m_r1", Sent: true, Attempts: 1}); err != nil {
			t.Fatal(err)
		}
		if h, err = s.TransferHandoff(ctx, id, "billing", ann); err != nil || h.Team != "billing" || h.Status != audit.HandoffOpen || h.ClaimedBy != "" {
			t.Fatalf("transfer: %+v %v", h, err)
		}
		if h, err = s.AssignHandoff(ctx, id, bo, ann, false); err != nil || h.ClaimedBy != bo.ID {
			t.Fatalf("assign: %+v %v", h, err)
		}
		if list, err := s.Handoffs(ctx, "active", "billing"); err != nil || len(list) != 1 {
			t.Fatalf("billing's queue: %+v %v", list, err)
		}
		if h, err = s.HandBack(ctx, id, bo, false); err != nil || h.Status != audit.HandoffResolved || h.Outcome != audit.OutcomeHandedBack {
			t.Fatalf("hand back: %+v %v", h, err)
		}
		if _, ok, _ := s.ActiveHandoff(ctx, conv(1)); ok {
			t.Fatal("a handed-back conversation still has a person")
		}
		// A new hand-off in another conversation, then its erasure: it
		// leaves the queue.
		mustAppend(t, s, handoffDecision(conv(2), "", "m_2"), &audit.Content{Question: "help"})
		if _, err := s.EraseConversation(ctx, conv(2), "test"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Handoff(ctx, audit.HandoffID("m_2")); !errors.Is(err, audit.ErrNoHandoff) {
			t.Fatalf("an erased conversation's hand-off: %v", err)
		}
		mustVerify(t, s)
	})
}

func TestContractHoldsBlockErasureAndRetention(t *testing.T) {
	contract(t, func(t *testing.T, b backend) {
		var mu sync.Mutex
		now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
		clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
		s := openRecords(t, b, settings{now: clock, contentRetention: 30 * 24 * time.Hour})
		ctx := context.Background()
		p := s.SubjectPseudonym("customer-7")
		mustAppend(t, s, decision(conv(1), p), &audit.Content{Question: "held"})
		mustAppend(t, s, decision(conv(2), ""), &audit.Content{Question: "not held"})
		if _, err := s.PlaceHoldFor(ctx, p, "case 2026-14", "customer-7", "compliance:t_1"); err != nil {
			t.Fatal(err)
		}
		holds, err := s.Holds(ctx)
		if err != nil || len(holds) != 1 || holds[0].Basis != "case 2026-14" || holds[0].CustomerID != "customer-7" {
			t.Fatalf("holds: %+v %v", holds, err)
		}
		var he audit.HoldError
		if _, err := s.EraseSubject(ctx, p, "test"); !errors.As(err, &he) || he.Hold.Basis != "case 2026-14" {
			t.Fatalf("erasure under a hold: %v (%+v)", err, he)
		}
		mu.Lock()
		now = now.Add(40 * 24 * time.Hour)
		mu.Unlock()
		rep, err := s.RunRetention(ctx)
		if err != nil || rep.Shredded != 1 || rep.Held < 1 {
			t.Fatalf("retention: %+v %v", rep, err)
		}
		if evs, _ := s.Subject(ctx, p); len(evs) != 1 || evs[0].Content == nil {
			t.Fatalf("held content was shredded: %+v", evs)
		}
		if err := s.ReleaseHold(ctx, p, "compliance:t_1"); err != nil {
			t.Fatal(err)
		}
		if err := s.ReleaseHold(ctx, p, "compliance:t_1"); !errors.Is(err, audit.ErrNoHold) {
			t.Fatalf("releasing again: %v", err)
		}
		if rec, err := s.EraseSubject(ctx, p, "test"); err != nil || rec.EventsAffected == 0 {
			t.Fatalf("erasure after release: %+v %v", rec, err)
		}
		mustVerify(t, s)
	})
}

func TestContractRequests(t *testing.T) {
	contract(t, func(t *testing.T, b backend) {
		s := openRecords(t, b, settings{})
		ctx := context.Background()
		p := s.SubjectPseudonym("customer-9")
		mustAppend(t, s, decision(conv(1), p), &audit.Content{Question: "my data please"})
		r, err := s.LogRequest(ctx, audit.RequestSpec{Kind: audit.RequestAccess, Subject: p, Actor: "compliance:t_1",
			Channel: audit.ChannelConsole, CustomerID: "customer-9"})
		if err != nil {
			t.Fatal(err)
		}
		chat, err := s.LogRequest(ctx, audit.RequestSpec{Kind: audit.RequestErasure, Conversation: conv(1), Channel: audit.ChannelChat})
		if err != nil || chat.Conversation != conv(1) {
			t.Fatalf("a request from a chat: %+v %v", chat, err)
		}
		ext, err := s.ExtendRequest(ctx, r.ID, "many requests this month", "compliance:t_1")
		if err != nil || ext.Extended == nil || !ext.Deadline.After(r.Deadline) || ext.ExtensionReason != "many requests this month" {
			t.Fatalf("extend: %+v %v", ext, err)
		}
		if _, err := s.ExtendRequest(ctx, r.ID, "and once more please", "compliance:t_1"); !errors.Is(err, audit.ErrExtendedAlready) {
			t.Fatalf("a second extension: %v", err)
		}
		exp, err := s.ExportSubject(ctx, p, "compliance:t_1")
		if err != nil || len(exp.Events) == 0 || len(exp.Requests) != 1 || exp.Requests[0].CustomerID != "customer-9" {
			t.Fatalf("export: %+v %v", exp, err)
		}
		if _, err := s.CompleteRequest(ctx, r.ID, "compliance:t_1"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CompleteRequest(ctx, r.ID, "compliance:t_1"); !errors.Is(err, audit.ErrRequestClosed) {
			t.Fatalf("completing twice: %v", err)
		}
		reqs, err := s.Requests(ctx)
		if err != nil || len(reqs) != 2 || reqs[0].Status != audit.StatusCompleted || reqs[0].CustomerID != "customer-9" {
			t.Fatalf("requests: %+v %v", reqs, err)
		}
		// Erasing the subject erases the customer id the officer typed.
		if _, err := s.EraseSubject(ctx, p, "compliance:t_1"); err != nil {
			t.Fatal(err)
		}
		if reqs, _ = s.Requests(ctx); reqs[0].CustomerID != "" {
			t.Fatalf("the customer id outlived the erasure: %+v", reqs[0])
		}
		tr, err := s.Transparency(ctx, time.Now().Add(-time.Hour), time.Now().Add(time.Hour))
		if err != nil || tr.Requests.Received != 2 || tr.Requests.Completed != 1 || tr.SigningKey != s.Fingerprint() {
			t.Fatalf("transparency: %+v %v", tr.Requests, err)
		}
	})
}

func TestContractCannedSettingsAndProof(t *testing.T) {
	contract(t, func(t *testing.T, b backend) {
		s := openRecords(t, b, settings{checkpointEvery: 4})
		ctx := context.Background()
		c, err := s.SaveCanned(ctx, audit.Canned{Title: "Returns", Language: "en", Text: "Returns take 14 days."}, "admin:t_1")
		if err != nil {
			t.Fatal(err)
		}
		c.Text = "Returns take 30 days."
		if _, err := s.SaveCanned(ctx, c, "admin:t_1"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SaveCanned(ctx, audit.Canned{ID: "cr_none", Title: "x", Language: "en", Text: "y"}, "admin:t_1"); !errors.Is(err, audit.ErrNoCanned) {
			t.Fatalf("changing a missing canned response: %v", err)
		}
		list, err := s.CannedResponses(ctx)
		if err != nil || len(list) != 1 || list[0].Text != "Returns take 30 days." {
			t.Fatalf("canned: %+v %v", list, err)
		}
		if err := s.DeleteCanned(ctx, c.ID, "admin:t_1"); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteCanned(ctx, c.ID, "admin:t_1"); !errors.Is(err, audit.ErrNoCanned) {
			t.Fatalf("deleting twice: %v", err)
		}
		if err := s.PutSetting(ctx, "widget", []byte(`{"colour":"#123456"}`), "admin:t_1"); err != nil {
			t.Fatal(err)
		}
		if v, ok, err := s.Setting(ctx, "widget"); err != nil || !ok || string(v) != `{"colour":"#123456"}` {
			t.Fatalf("setting: %q %v %v", v, ok, err)
		}
		seq := mustAppend(t, s, decision(conv(1), ""), &audit.Content{Question: "q"})
		for range 5 {
			mustAppend(t, s, decision(conv(2), ""), nil)
		}
		pr, err := s.ProveEvent(ctx, seq)
		if err != nil || !pr.Intact || !pr.Covered || pr.Event.Seq != seq {
			t.Fatalf("proof: %+v %v", pr, err)
		}
		if _, err := s.ProveEvent(ctx, 10_000); !errors.Is(err, audit.ErrNoEvent) {
			t.Fatalf("proof of a missing event: %v", err)
		}
	})
}
