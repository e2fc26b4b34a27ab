package audit

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestDeskActions(t *testing.T) {
	s := openTestStore(t, "")
	ctx := context.Background()
	mustAppend(t, s, handoffDecision("k_a", "m_h1", "technical"), &Content{Question: "my kettle is broken"})
	id := HandoffID("m_h1")
	h, _ := s.Handoff(ctx, id)
	if h.Unread != 1 || h.WaitingSince == nil {
		t.Fatalf("new hand-off: unread %d, waiting since %v", h.Unread, h.WaitingSince)
	}
	mustAppend(t, s, Envelope{Type: TypeDecision, Conversation: "k_a", Subject: "s_cust", Message: "m_2", Decision: "handoff",
		ReasonCode: "awaiting_person"}, &Content{Question: "hello?"})
	ann := Agent{ID: "agent:t_ann", Name: "Ann"}
	if _, h, err := s.AddNote(ctx, id, ann, "customer sounds upset, check order <ORDER_1>"); err != nil || h.Notes != 1 || h.Unread != 2 {
		t.Fatalf("note = %+v, %v", h, err)
	}
	if _, _, err := s.AddNote(ctx, id, ann, "  "); !errors.Is(err, ErrInvalid) {
		t.Fatalf("empty note = %v", err)
	}
	if _, _, err := s.ReplyHandoff(ctx, id, ann, "m_r1", Content{Text: "On it"}); err != nil {
		t.Fatal(err)
	}
	h, _ = s.Handoff(ctx, id)
	if h.Unread != 0 || h.WaitingSince != nil || h.ClaimedBy != ann.ID {
		t.Fatalf("after a reply: %+v", h)
	}
	if _, err := s.TransferHandoff(ctx, id, "technical", ann); !errors.Is(err, ErrInvalid) {
		t.Fatalf("transfer to its own team = %v", err)
	}
	h, err := s.TransferHandoff(ctx, id, "delivery", ann)
	if err != nil || h.Team != "delivery" || h.Status != HandoffOpen || h.ClaimedBy != "" {
		t.Fatalf("transfer = %+v, %v", h, err)
	}
	// The customer asks for e-mail; the address is only in the content.
	if _, err := s.RequestEmailReplies(ctx, "k_b", ReplyTo{Address: "x@example.org"}); !errors.Is(err, ErrNoActiveHandoff) {
		t.Fatalf("e-mail without a hand-off = %v", err)
	}
	if h, err = s.RequestEmailReplies(ctx, "k_a", ReplyTo{Address: "lena@example.se", Resume: "c_secret"}); err != nil || !h.EmailReplies {
		t.Fatalf("request e-mail = %+v, %v", h, err)
	}
	if addr, ok, err := s.ReplyAddress(ctx, "k_a"); err != nil || !ok || addr.Address != "lena@example.se" || addr.Resume != "c_secret" {
		t.Fatalf("address = %q %v %v", addr, ok, err)
	}
	if _, err := s.RecordEmail(ctx, id, EmailResult{Message: "m_r1", Sent: true, Attempts: 2}); err != nil {
		t.Fatal(err)
	}
	for _, e := range eventsOfType(t, s, TypeEmailRequested) {
		raw, _ := json.Marshal(e.Envelope)
		if strings.Contains(string(raw), "lena@") {
			t.Fatalf("the envelope holds the address: %s", raw)
		}
	}
	if h, err = s.HandBack(ctx, id, Agent{ID: "agent:t_bo"}, false); err != nil || h.Outcome != OutcomeHandedBack {
		t.Fatalf("hand back an open hand-off = %+v, %v", h, err)
	}
	if _, err := s.TransferHandoff(ctx, id, "billing", ann); !errors.Is(err, ErrHandoffClosed) {
		t.Fatalf("transfer a resolved hand-off = %v", err)
	}
	if _, err := s.HandBack(ctx, id, ann, false); !errors.Is(err, ErrHandoffClosed) {
		t.Fatalf("hand back twice = %v", err)
	}
	// The queue rebuilt from the log agrees.
	before, _ := s.Handoff(ctx, id)
	if _, err := s.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	after, _ := s.Handoff(ctx, id)
	if a, b := mustJSON(t, before), mustJSON(t, after); string(a) != string(b) {
		t.Errorf("rebuilt hand-off differs:\n%s\n%s", a, b)
	}
	// Erasing the conversation erases the address.
	if _, err := s.EraseConversation(ctx, "k_a", "customer"); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.ReplyAddress(ctx, "k_a"); ok {
		t.Error("the address survived the erasure")
	}
}

func TestRequestExtensionAndCustomerID(t *testing.T) {
	c := newClock()
	s := openWith(t, t.TempDir(), Options{Now: c.Now})
	ctx := context.Background()
	subj := s.SubjectPseudonym("cust-42")
	r, err := s.LogRequest(ctx, RequestSpec{Kind: RequestAccess, Subject: subj, Actor: "compliance:t_1", CustomerID: "cust-42"})
	if err != nil {
		t.Fatal(err)
	}
	reqs, _ := s.Requests(ctx)
	if len(reqs) != 1 || reqs[0].CustomerID != "cust-42" || reqs[0].DaysLeft == nil || *reqs[0].DaysLeft < 27 || reqs[0].DueSoon {
		t.Fatalf("requests = %+v", reqs)
	}
	c.Add(25 * 24 * time.Hour)
	if reqs, _ = s.Requests(ctx); !reqs[0].DueSoon {
		t.Errorf("five days before the deadline the request is not due soon: %+v", reqs[0])
	}
	if _, err := s.ExtendRequest(ctx, r.ID, "short", "compliance:t_1"); !errors.Is(err, ErrInvalid) {
		t.Fatalf("extension without a reason = %v", err)
	}
	x, err := s.ExtendRequest(ctx, r.ID, "many requests from this customer at once", "compliance:t_1")
	if err != nil || x.FirstDeadline == nil || !x.Deadline.Equal(x.FirstDeadline.AddDate(0, 2, 0)) || x.ExtensionReason == "" {
		t.Fatalf("extension = %+v, %v", x, err)
	}
	if _, err := s.ExtendRequest(ctx, r.ID, "and once more, please", "compliance:t_1"); !errors.Is(err, ErrExtendedAlready) {
		t.Fatalf("second extension = %v", err)
	}
	if _, err := s.PlaceHoldFor(ctx, s.SubjectPseudonym("cust-7"), "case 2026-17", "cust-7", "compliance:t_1"); err != nil {
		t.Fatal(err)
	}
	if holds, _ := s.Holds(ctx); len(holds) != 1 || holds[0].CustomerID != "cust-7" {
		t.Fatalf("holds = %+v", holds)
	}
	// Erasure shreds the subject's key: the id typed for the request goes.
	if _, err := s.EraseSubject(ctx, subj, "compliance:t_1"); err != nil {
		t.Fatal(err)
	}
	reqs, _ = s.Requests(ctx)
	if reqs[0].CustomerID != "" {
		t.Errorf("after erasure the request still shows %q", reqs[0].CustomerID)
	}
}

func TestTokensCannedSettings(t *testing.T) {
	s := openTestStore(t, "")
	ctx := context.Background()
	_, tok, err := s.CreateToken(ctx, "agent", "Ann's laptop", "admin:t_0", DisplayName("Ann"), InTeam("delivery"))
	if err != nil || tok.Team != "delivery" {
		t.Fatalf("create = %+v, %v", tok, err)
	}
	name, team := "Annie", "billing"
	up, err := s.UpdateToken(ctx, tok.ID, TokenChange{Name: &name, Team: &team}, "admin:t_0")
	if err != nil || up.Name != "Annie" || up.Team != "billing" {
		t.Fatalf("update = %+v, %v", up, err)
	}
	if got, _ := s.Token(ctx, tok.ID); got.Name != "Annie" {
		t.Errorf("token after update = %+v", got)
	}
	if _, err := s.UpdateToken(ctx, "t_none", TokenChange{Name: &name}, "admin:t_0"); !errors.Is(err, ErrNoToken) {
		t.Errorf("update an unknown token = %v", err)
	}
	c, err := s.SaveCanned(ctx, Canned{Title: "Refund status", Language: "en", Text: "Hi {{customer_name}}, your refund is on its way."}, "admin:t_0")
	if err != nil || c.ID == "" {
		t.Fatalf("save = %+v, %v", c, err)
	}
	c.Text = "Hello {{customer_name}}"
	if _, err := s.SaveCanned(ctx, c, "admin:t_0"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveCanned(ctx, Canned{ID: "cr_none", Title: "x", Language: "en", Text: "y"}, "admin:t_0"); !errors.Is(err, ErrNoCanned) {
		t.Errorf("save an unknown id = %v", err)
	}
	all, _ := s.CannedResponses(ctx)
	if len(all) != 1 || all[0].Text != "Hello {{customer_name}}" {
		t.Fatalf("canned = %+v", all)
	}
	if err := s.DeleteCanned(ctx, c.ID, "admin:t_0"); err != nil {
		t.Fatal(err)
	}
	if err := s.PutSetting(ctx, "widget", []byte(`{"color":"#123456"}`), "admin:t_0"); err != nil {
		t.Fatal(err)
	}
	if v, ok, _ := s.Setting(ctx, "widget"); !ok || string(v) != `{"color":"#123456"}` {
		t.Errorf("setting = %s %v", v, ok)
	}
	if n := len(eventsOfType(t, s, TypeCannedSaved)) + len(eventsOfType(t, s, TypeCannedDeleted)) + len(eventsOfType(t, s, TypeSettingsChanged)) + len(eventsOfType(t, s, TypeTokenUpdated)); n != 5 {
		t.Errorf("%d administrative events, want 5", n)
	}
}

func TestScanBackAndProof(t *testing.T) {
	s := openTestStore(t, "")
	ctx := context.Background()
	for i := 0; i < 5; i++ {
		mustAppend(t, s, decision("k_a", i), &Content{Question: "q"})
	}
	var seqs []uint64
	collect := func(e Event) error { seqs = append(seqs, e.Seq); return nil }
	if err := s.ScanBack(ctx, Filter{Types: []string{TypeDecision}, Limit: 3}, 0, collect); err != nil {
		t.Fatal(err)
	}
	last := seqs[0]
	if len(seqs) != 3 || seqs[0] <= seqs[1] || seqs[1] <= seqs[2] {
		t.Fatalf("newest first = %v", seqs)
	}
	seqs = nil
	if err := s.ScanBack(ctx, Filter{Types: []string{TypeDecision}}, last-2, collect); err != nil || len(seqs) != 2 || seqs[0] != last-3 {
		t.Fatalf("before %d = %v, %v", last-2, seqs, err)
	}
	p, err := s.ProveEvent(ctx, last)
	if err != nil || !p.Intact || p.Covered {
		t.Fatalf("before a checkpoint: %+v, %v", p, err)
	}
	if _, err := s.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	if p, err = s.ProveEvent(ctx, last-1); err != nil || !p.Intact || !p.Covered || p.Checkpoint == nil {
		t.Fatalf("after a checkpoint: %+v, %v", p, err)
	}
	if _, err := s.ProveEvent(ctx, 9999); !errors.Is(err, ErrNoEvent) {
		t.Errorf("an unknown event = %v", err)
	}
}
