package team

import (
	"errors"
	"testing"
	"time"
)

func TestHours(t *testing.T) {
	h, err := ParseHours("Mon-Fri 09:00-17:00; Sat 10:00-14:00", "Europe/Copenhagen")
	if err != nil {
		t.Fatal(err)
	}
	cph := h.Location()
	tests := []struct {
		at   time.Time
		open bool
		next time.Time
	}{
		{time.Date(2026, 12, 7, 10, 0, 0, 0, cph), true, time.Date(2026, 12, 7, 10, 0, 0, 0, cph)},   // Monday morning
		{time.Date(2026, 12, 7, 18, 30, 0, 0, cph), false, time.Date(2026, 12, 8, 9, 0, 0, 0, cph)},  // Monday evening
		{time.Date(2026, 12, 12, 15, 0, 0, 0, cph), false, time.Date(2026, 12, 14, 9, 0, 0, 0, cph)}, // Saturday afternoon
		{time.Date(2026, 12, 12, 8, 0, 0, 0, cph), false, time.Date(2026, 12, 12, 10, 0, 0, 0, cph)}, // Saturday early
	}
	for _, tc := range tests {
		if got := h.Open(tc.at); got != tc.open {
			t.Errorf("Open(%v) = %v", tc.at, got)
		}
		if got, ok := h.Next(tc.at); !ok || !got.Equal(tc.next) {
			t.Errorf("Next(%v) = %v, want %v", tc.at, got, tc.next)
		}
	}
	if (Hours{}).Open(time.Now()) != true {
		t.Error("no hours is not always open")
	}
	for _, bad := range []string{"Mon-Fri", "Mon-Fri 9-17", "Funday 09:00-17:00", "Mon 17:00-09:00"} {
		if _, err := ParseHours(bad, ""); err == nil {
			t.Errorf("ParseHours(%q) accepted", bad)
		}
	}
	if _, err := ParseHours("Mon 09:00-17:00", "Mars/Olympus"); err == nil {
		t.Error("an unknown time zone is accepted")
	}
}

func TestSet(t *testing.T) {
	s, err := NewSet([]string{"billing", "technical"}, map[string]Config{
		"technical": {Languages: []string{"en", "da"}, TargetReply: "4h", OfficeHours: "Mon-Fri 09:00-17:00", Timezone: "UTC"},
	})
	if err != nil {
		t.Fatal(err)
	}
	tech, _ := s.Get("technical")
	if tech.TargetReply != 4*time.Hour || !tech.Speaks("da") || tech.Speaks("ms") {
		t.Errorf("technical = %+v", tech)
	}
	if b, _ := s.Get("billing"); b.TargetReply != DefaultTargetReply || !b.Speaks("zh-Hant") {
		t.Errorf("billing = %+v", b)
	}
	sunday := time.Date(2026, 12, 13, 12, 0, 0, 0, time.UTC)
	if at, closed := s.ReplyFrom("technical", sunday); !closed || at.Weekday() != time.Monday || at.Hour() != 9 {
		t.Errorf("ReplyFrom on a Sunday = %v %v", at, closed)
	}
	if _, closed := s.ReplyFrom("billing", sunday); closed {
		t.Error("a team without hours is closed")
	}
	if _, err := NewSet([]string{"billing"}, map[string]Config{"biling": {}}); !errors.Is(err, ErrInvalid) {
		t.Errorf("a misspelt team = %v", err)
	}
	if _, err := NewSet([]string{"billing"}, map[string]Config{"billing": {Languages: []string{"xx"}}}); !errors.Is(err, ErrInvalid) {
		t.Errorf("an unknown language = %v", err)
	}
}
