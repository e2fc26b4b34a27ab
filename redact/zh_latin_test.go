package redact

import "testing"

// A name in Latin letters right after the word that says who it is, in
// Chinese text, is a name; a brand there is not.
func TestZhLatinNames(t *testing.T) {
	for _, tt := range []struct {
		text      string
		want, not []string
	}{
		{"我老公Marcus明天會去門市取貨", []string{"Marcus"}, nil},
		{"之前同你哋同事Joyce講過，佢話會打返俾我", []string{"Joyce"}, nil},
		{"请转告Jason Lee明天来取", []string{"Jason Lee"}, nil},
		{"我想买Apple的耳机", nil, []string{"Apple"}},
		{"同事Google一下就知道", nil, []string{"Google"}},
	} {
		checkNames(t, tt.text, tt.want, tt.not)
	}
}
