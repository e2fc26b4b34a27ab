package audit

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestRequestDeadlines(t *testing.T) {
	clk := newClock() // 1 March 2025
	s := openWith(t, t.TempDir(), Options{Now: clk.Now, RetentionInterval: -1})
	ctx := context.Background()
	alice := s.SubjectPseudonym("alice")
	tests := []struct {
		kind, regime string
		deadline     time.Time
	}{
		{RequestAccess, "", time.Date(2025, 4, 1, 9, 0, 0, 0, time.UTC)},
		{RequestErasure, RegimeGDPR, time.Date(2025, 4, 1, 9, 0, 0, 0, time.UTC)},
		{RequestPortability, RegimeCCPA, time.Date(2025, 4, 15, 9, 0, 0, 0, time.UTC)},
		{RequestRectification, RegimeCCPA, time.Date(2025, 4, 15, 9, 0, 0, 0, time.UTC)},
	}
	var ids []string
	for _, tt := range tests {
		r, err := s.OpenRequest(ctx, tt.kind, alice, tt.regime, "t_officer")
		if err != nil {
			t.Fatal(err)
		}
		if !r.Deadline.Equal(tt.deadline) || r.Status != StatusOpen || r.Subject != alice || r.Note == "" {
			t.Errorf("%s/%s: %+v, want deadline %s", tt.kind, tt.regime, r, tt.deadline)
		}
		ids = append(ids, r.ID)
	}
	clk.Add(10 * 24 * time.Hour)
	done, err := s.CompleteRequest(ctx, ids[0], "t_officer")
	if err != nil || done.Completed == nil || done.Status != StatusCompleted {
		t.Fatalf("CompleteRequest = %+v, %v", done, err)
	}
	if _, err := s.CompleteRequest(ctx, ids[0], "t_officer"); !errors.Is(err, ErrRequestClosed) {
		t.Fatalf("completing twice = %v", err)
	}
	if _, err := s.CompleteRequest(ctx, "r_nope", "t_officer"); !errors.Is(err, ErrNoRequest) {
		t.Fatalf("completing an unknown request = %v", err)
	}
	clk.Add(25 * 24 * time.Hour) // 5 April: the GDPR requests are late, the CCPA ones not yet
	reqs, err := s.Requests(ctx)
	if err != nil || len(reqs) != 4 {
		t.Fatalf("Requests = %v, %v", reqs, err)
	}
	want := map[string]string{ids[0]: StatusCompleted, ids[1]: StatusOverdue, ids[2]: StatusOpen, ids[3]: StatusOpen}
	for _, r := range reqs {
		if r.Status != want[r.ID] {
			t.Errorf("request %s (%s/%s) status %s, want %s", r.ID, r.Kind, r.Regime, r.Status, want[r.ID])
		}
	}
	opened, completed := eventsOfType(t, s, TypeRequestOpened), eventsOfType(t, s, TypeRequestCompleted)
	if len(opened) != 4 || len(completed) != 1 || completed[0].Subject != alice || completed[0].Attrs["on_time"] != "true" {
		t.Fatalf("request events: %d opened, completed %+v", len(opened), completed)
	}
}

func TestRequestValidation(t *testing.T) {
	s := openTestStore(t, "")
	ctx := context.Background()
	tests := []struct{ kind, subject, regime string }{
		{"delete", "s_abc", ""},
		{RequestAccess, "alice@example.org", ""},
		{RequestAccess, "s_abc", "lgpd"},
	}
	for _, tt := range tests {
		if _, err := s.OpenRequest(ctx, tt.kind, tt.subject, tt.regime, "a"); !errors.Is(err, ErrInvalid) {
			t.Errorf("OpenRequest(%q, %q, %q) = %v, want ErrInvalid", tt.kind, tt.subject, tt.regime, err)
		}
	}
}

func TestGDPRMonthEndsInShortMonths(t *testing.T) {
	tests := []struct{ received, want time.Time }{
		{time.Date(2025, 1, 31, 12, 0, 0, 0, time.UTC), time.Date(2025, 2, 28, 12, 0, 0, 0, time.UTC)},
		{time.Date(2024, 1, 30, 12, 0, 0, 0, time.UTC), time.Date(2024, 2, 29, 12, 0, 0, 0, time.UTC)},
		{time.Date(2025, 3, 31, 8, 0, 0, 0, time.UTC), time.Date(2025, 4, 30, 8, 0, 0, 0, time.UTC)},
		{time.Date(2025, 12, 15, 8, 0, 0, 0, time.UTC), time.Date(2026, 1, 15, 8, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		if got, _ := deadline(RegimeGDPR, tt.received); !got.Equal(tt.want) {
			t.Errorf("deadline(%s) = %s, want %s", tt.received, got, tt.want)
		}
	}
}
