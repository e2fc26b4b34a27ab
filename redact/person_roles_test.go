package redact

import "testing"

// A name "and I" does something with, or who is "from your team", is a
// name; an everyday word, a shop's goods or a lower-case word in a text
// with capitals are not.
func TestRoleNames(t *testing.T) {
	for _, tt := range []struct {
		text      string
		want, not []string
	}{
		{"Sorry to chase. Magnus and I both signed the joint account form", []string{"Magnus"}, nil},
		{"Oyinda og jeg har en fælles konto", []string{"Oyinda"}, nil},
		{"hi its ngozi again. the man emeka from your team said he would escalate", []string{"emeka"}, nil},
		{"Tobenna from billing said it was fixed", []string{"Tobenna"}, nil},
		{"Mum and I share the account", nil, []string{"Mum"}},
		{"Min far er død og jeg skal lukke hans konti", nil, []string{"død"}},
		{"Saya nak order kuih makmur dari kedai Mak Jah", nil, []string{"makmur"}},
		{"Support from your team was great", nil, []string{"Support"}},
	} {
		checkNames(t, tt.text, tt.want, tt.not)
	}
}
