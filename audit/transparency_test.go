package audit

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestTransparency(t *testing.T) {
	clk := newClock()
	s := openWith(t, t.TempDir(), Options{Now: clk.Now, RetentionInterval: -1})
	ctx := context.Background()
	start := clk.Now()
	decide := func(decision, reason, model, lang string, red map[string]int) {
		mustAppend(t, s, Envelope{Type: TypeDecision, Conversation: "k_c", Decision: decision, ReasonCode: reason,
			Generator: "ollama", Model: model, ModelDigest: "sha256:" + model, Language: lang, Redactions: red}, nil)
		clk.Add(time.Hour)
	}
	decide("answer", "answered", "m1", "en", map[string]int{"EMAIL": 1})
	decide("abstain", "no_relevant", "m1", "da", nil)
	decide("handoff", "asked_person", "m2", "en", map[string]int{"EMAIL": 2, "PHONE": 1})
	decide("answer", "answered", "m2", "zh", nil)
	mustAppend(t, s, Envelope{Type: TypeFeedback, Conversation: "k_c"}, nil)
	mustAppend(t, s, Envelope{Type: TypeLogin, Actor: "compliance:u_1"}, nil)
	mustAppend(t, s, Envelope{Type: TypeLoginFailed, Actor: "anonymous"}, nil)
	mustAppend(t, s, Envelope{Type: TypeLoginFailed, Actor: "anonymous"}, nil)
	mustAppend(t, s, Envelope{Type: TypeVerified, Actor: "compliance:u_1"}, nil)
	r1, _ := s.OpenRequest(ctx, RequestAccess, "s_a", "", "o")
	s.OpenRequest(ctx, RequestErasure, "s_b", RegimeCCPA, "o")
	clk.Add(48 * time.Hour)
	s.CompleteRequest(ctx, r1.ID, "o")
	end := clk.Now()
	decide("answer", "answered", "m3", "en", nil) // after the range

	rep, err := s.Transparency(ctx, start, end)
	if err != nil {
		t.Fatal(err)
	}
	if rep.DecisionsTotal != 4 || rep.Decisions["answer"].Count != 2 || rep.Decisions["handoff"].Reasons["asked_person"] != 1 {
		t.Errorf("decisions = %d %+v", rep.DecisionsTotal, rep.Decisions)
	}
	if rep.Events[TypeFeedback] != 1 || rep.Events[TypeRequestOpened] != 2 {
		t.Errorf("events = %+v", rep.Events)
	}
	if rep.Security[TypeLogin] != 1 || rep.Security[TypeLoginFailed] != 2 || rep.Security[TypeVerified] != 1 || rep.Security[TypeFeedback] != 0 {
		t.Errorf("security = %+v", rep.Security)
	}
	if len(rep.Models) != 2 || rep.Models[0].Model != "m1" || rep.Models[0].Decisions != 2 ||
		!rep.Models[1].FirstSeen.Equal(start.Add(2*time.Hour)) || !rep.Models[1].LastSeen.Equal(start.Add(3*time.Hour)) {
		t.Errorf("models = %+v", rep.Models)
	}
	if rep.Languages["en"] != 2 || rep.Redactions["EMAIL"] != 3 || rep.Redactions["PHONE"] != 1 {
		t.Errorf("languages %v, redactions %v", rep.Languages, rep.Redactions)
	}
	q := rep.Requests
	if q.Received != 2 || q.Completed != 1 || q.OnTime != 1 || q.Open != 1 || q.MedianHours != 48 || q.ByRegime[RegimeCCPA] != 1 {
		t.Errorf("requests = %+v", q)
	}
	if _, err := s.Transparency(ctx, end, start); !errors.Is(err, ErrInvalid) {
		t.Errorf("reversed range = %v", err)
	}
}
