package search

import (
	"context"
	"testing"

	"github.com/hushdesk/hushdesk/inference/lang"
)

func TestRegionOf(t *testing.T) {
	for _, tt := range []struct {
		heading string
		want    region
	}{
		{"Customer service, Europe", regionEurope},
		{"Khidmat pelanggan (waktu Denmark)", regionEurope},
		{"Pasukan Asia (waktu Malaysia)", regionAsia},
		{"亞洲客服團隊", regionAsia},
		{"Showroom i København", regionEurope},
		{"How to start a return", regionNone},
		{"Europe and Asia", regionNone},
		{"", regionNone},
	} {
		if got := regionOf(tt.heading); got != tt.want {
			t.Errorf("regionOf(%q) = %d, want %d", tt.heading, got, tt.want)
		}
	}
	for _, tt := range []struct {
		text string
		l    lang.Tag
		want region
	}{
		{"hvornår åbner kundeservice", lang.Danish, regionEurope},
		{"pukul berapa cs buka", lang.Malay, regionAsia},
		{"客服几点上班", lang.ChineseSimplified, regionAsia},
		{"when does customer service open", lang.English, regionNone},
		{"when does the team in asia open", lang.English, regionAsia},
		{"kundeservice i asien, hvornår åbner den", lang.Danish, regionAsia},
	} {
		if got := asksFrom(tt.text, tt.l); got != tt.want {
			t.Errorf("asksFrom(%q, %s) = %d, want %d", tt.text, tt.l, got, tt.want)
		}
	}
}

// TestRegionalSections: a question that names no place is answered from
// the section of the part of the world its language is written in.
func TestRegionalSections(t *testing.T) {
	ix := openSample(t)
	for _, tt := range []struct {
		query   string
		l       lang.Tag
		heading string
	}{
		{"hvornår åbner kundeservice på hverdage", lang.Danish, "Kundeservice i Europa"},
		{"真人客服星期六有冇返工 香港時間", lang.ChineseTraditional, "亞洲客服團隊"},
		{"waktu operasi khidmat pelanggan hari sabtu", lang.Malay, "Pasukan Asia (waktu Malaysia)"},
		{"hvornår har kundeservice åbent i weekenden", lang.Danish, "Kundeservice i Europa"},
	} {
		res, err := ix.Search(context.Background(), Query{Text: tt.query, Lang: tt.l})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Passages) == 0 || res.Passages[0].Heading != tt.heading {
			t.Errorf("%q: first passage %q, want %q", tt.query, first(res.Passages), tt.heading)
		}
	}
}

func first(ps []Passage) string {
	if len(ps) == 0 {
		return ""
	}
	return ps[0].DocID + " > " + ps[0].Heading
}
