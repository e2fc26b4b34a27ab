package redact

import "testing"

// A name that a place, a street, a shop or a nationality takes is none:
// what stands next to it says so. Names next to the same words in their
// other senses stay.
func TestPlaceNames(t *testing.T) {
	for _, tt := range []struct {
		text      string
		want, not []string
	}{
		{"My card was declined when I landed at Oliver Tambo airport last night.", nil, []string{"Oliver Tambo"}},
		{"We live near Nelson Mandela park, is there a branch close by?", nil, []string{"Nelson Mandela"}},
		{"The payment worked at the shop on Trần Hưng Đạo street but not online.", nil, []string{"Trần Hưng Đạo"}},
		{"I'm flying into Jorge Chávez on Friday, will my card work there?", nil, []string{"Jorge Chávez"}},
		{"It was refused at the Marks Jensen on Main St yesterday.", nil, []string{"Marks Jensen"}},
		{"Hi, I'm Portuguese and my card was blocked abroad.", nil, []string{"Portuguese"}},
		{"Please redeliver my Ahmad Yani Mall order to the new address.", nil, []string{"Ahmad Yani Mall", "Ahmad Yani"}},
		{"My card worked fine at Tony Roma yesterday but not today.", nil, []string{"Tony Roma"}},
		// The same words in their other senses.
		{"We went to the Sabrina Magnusson concert and the tickets were charged twice.", []string{"Sabrina Magnusson"}, nil},
		{"kan ulla, gudrun og tove alle bruge samme gavekort?", []string{"tove"}, nil},
		{"bro Hafiz dr team delivery korang ckp nk dtg pukul 3", []string{"Hafiz"}, nil},
		{"Please send the card to Amara Okafor, she will collect it.", []string{"Amara Okafor"}, nil},
	} {
		checkNames(t, tt.text, tt.want, tt.not)
	}
}
