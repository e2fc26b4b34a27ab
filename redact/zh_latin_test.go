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

// A family name and one given character after a verb cue is a name when
// what is done for the person follows: "请给张敏打个电话".
func TestZhTwoCharacterNamesAfterCue(t *testing.T) {
	for _, tt := range []struct {
		text      string
		want, not []string
	}{
		{"麻烦给李娜打个电话，她在家", []string{"李娜"}, nil},
		{"帮王芳寄去深圳的那个地址", []string{"王芳"}, nil},
		{"请给我打个电话", nil, []string{"我"}},
	} {
		checkNames(t, tt.text, tt.want, tt.not)
	}
}
