package search

import (
	"testing"
	"time"
)

func TestElapsedOf(t *testing.T) {
	for _, tt := range []struct {
		text string
		want time.Duration
		ok   bool
	}{
		{"ordered 20 mins ago and picked the wrong colour", 20 * time.Minute, true},
		{"what if it was like 3 hours ago", 3 * time.Hour, true},
		{"placed it an hour ago", time.Hour, true},
		{"a couple of hours ago", 2 * time.Hour, true},
		{"jeg bestilte for 2 timer siden", 2 * time.Hour, true},
		{"jeg har lige bestilt", time.Minute, true},
		{"boleh cancel order x, baru buat 15 min lepas", 15 * time.Minute, true},
		{"order 3 jam yang lalu", 3 * time.Hour, true},
		{"我3小时前下的单", 3 * time.Hour, true},
		{"十五分钟前下单", 15 * time.Minute, true},
		{"半個鐘前落咗單", 30 * time.Minute, true},
		{"剛剛定單下錯了", time.Minute, true},
		// A window the question names itself.
		{"what about after an hour", time.Hour + time.Minute, true},
		{"can i still cancel within the first hour", time.Hour, true},
		{"og efter en time?", time.Hour + time.Minute, true},
		{"kalau lebih dari 2 jam?", 2*time.Hour + time.Minute, true},
		{"3天后能到吗", 0, false},
		{"what about after the hour", 0, false},
		{"how long have i got", 0, false},
		{"delivery takes 3 days", 0, false},
	} {
		got, ok := elapsedOf(tt.text)
		if got != tt.want || ok != tt.ok {
			t.Errorf("elapsedOf(%q) = %v, %v; want %v, %v", tt.text, got, ok, tt.want, tt.ok)
		}
	}
}

func TestWindowOf(t *testing.T) {
	for _, tt := range []struct {
		heading string
		want    window
		ok      bool
	}{
		{"Change or cancel within the first hour", window{bound: time.Hour}, true},
		{"After the first hour", window{bound: time.Hour, after: true}, true},
		{"Inden for den første time", window{bound: time.Hour}, true},
		{"Efter den første time", window{bound: time.Hour, after: true}, true},
		{"Returns within 30 days", window{bound: 30 * 24 * time.Hour}, true},
		{"Selepas 14 hari", window{bound: 14 * 24 * time.Hour, after: true}, true},
		{"下单后一小时内", window{bound: time.Hour}, true},
		{"30天后的退货", window{bound: 30 * 24 * time.Hour, after: true}, true},
		{"Delivered within the hour", window{}, false},
		{"How to start a return", window{}, false},
		{"Denmark: 1–3 business days", window{}, false},
	} {
		got, ok := windowOf(tt.heading)
		if got != tt.want || ok != tt.ok {
			t.Errorf("windowOf(%q) = %+v, %v; want %+v, %v", tt.heading, got, ok, tt.want, tt.ok)
		}
	}
}

func TestElapsedRanksTheSectionOfItsWindow(t *testing.T) {
	ix := openSample(t)
	for _, tt := range []struct{ q, heading string }{
		{"ordered 20 mins ago and picked the wrong colour, can i change it", "Change or cancel within the first hour"},
		{"can i still cancel an order i placed like 3 hours ago", "After the first hour"},
		{"jeg bestilte for 2 timer siden, kan jeg stadig annullere", "Efter den første time"},
		{"can i still change my order after an hour", "After the first hour"},
		{"kan jeg ændre ordren efter en time", "Efter den første time"},
	} {
		res, err := ix.Search(t.Context(), Query{Text: tt.q, K: 3})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Passages) == 0 || res.Passages[0].Heading != tt.heading {
			t.Errorf("%q: first %+v, want the section %q", tt.q, res.Passages, tt.heading)
		}
	}
}

func FuzzElapsed(f *testing.F) {
	for _, s := range []string{"ordered 20 mins ago", "十五分钟前", "半個鐘前", "within the first 14 days", "efter 30 dage", "99999999999999999999 hours ago", "下单后一小时内"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, ok := elapsedOf(s); ok && d < 0 {
			t.Errorf("elapsedOf(%q) = %v", s, d)
		}
		if w, ok := windowOf(s); ok && w.bound < 0 {
			t.Errorf("windowOf(%q) = %+v", s, w)
		}
	})
}
