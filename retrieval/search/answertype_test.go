package search

import (
	"context"
	"slices"
	"testing"

	"github.com/hushdesk/hushdesk/inference/lang"
)

func TestAnswerTypes(t *testing.T) {
	for _, tt := range []struct {
		text string
		want intent
	}{
		{"You can return most items within 30 days of delivery.", intentWhen},
		{"Refunds reach your account in 5–10 working days.", intentWhen},
		{"A return label costs DKK 49, or GBP 5 from the UK.", intentCost},
		{"Express delivery costs €9.95 and arrives in 2 days.", intentCost | intentWhen},
		{"Du har 30 dage til at fortryde.", intentWhen},
		{"Gebyret er 49 kr.", intentCost},
		{"Bayaran balik dalam masa 14 hari bekerja. Caj RM15.", intentWhen | intentCost},
		{"收到商品后30天内可退货", intentWhen},
		{"保固期為兩年", intentWhen},
		{"运费 HKD 40", intentCost},
		{"Call us on +45 70 20 30 40.", 0},
		{"Order LH123456789 shipped.", 0},
		{"Log in and open Orders.", 0},
	} {
		if got := answerTypes(tt.text); got != tt.want {
			t.Errorf("answerTypes(%q) = %04b, want %04b", tt.text, got, tt.want)
		}
	}
}

func TestAnswersKind(t *testing.T) {
	for _, tt := range []struct {
		question, text string
		want           bool
	}{
		{"when will i see the money", "Refunds reach your account in 5–10 working days.", true},
		{"when will i see the money", "A return label costs DKK 49.", false},
		{"how much extra is it", "Choose store credit and you get 10% extra.", true},
		{"how much is express", "Express delivery costs €9.95.", true},
		{"hvornår får jeg pengene", "Du har 30 dage til at fortryde.", true},
		{"那钱什么时候退回来", "运费 HKD 40", false},
		{"can i pay with paypal", "Log in and open Orders.", true}, // asks for neither
	} {
		if got := AnswersKind(tt.question, tt.text); got != tt.want {
			t.Errorf("AnswersKind(%q, %q) = %v, want %v", tt.question, tt.text, got, tt.want)
		}
	}
}

// TestDanishWithoutLetters checks that Danish typed without æ, ø and å
// finds the passages written with them, and that the letters a word is
// corrected by are counted as written.
func TestDanishWithoutLetters(t *testing.T) {
	ix := openSample(t)
	var got [2][]string
	for i, q := range []string{"hvornaar faar jeg pengene tilbage paa mit kort", "hvornår får jeg pengene tilbage på mit kort"} {
		qs, err := ix.firstPass(context.Background(), Query{Text: q, Lang: lang.Danish})
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range qs.terms["da"] {
			if x.df == 0 && len(x.alts) == 0 {
				t.Errorf("%q: %q is a word no passage holds", q, x.term)
			}
			got[i] = append(got[i], x.term)
		}
	}
	if !slices.Equal(got[0], got[1]) {
		t.Errorf("terms without æ, ø and å %v, with them %v: want the same", got[0], got[1])
	}
	for _, tt := range []struct {
		fam, term string
		want      int
	}{
		{"da", "laek", 3}, {"da", "koekken", 6}, {"en", "shoe", 4}, {"da", "retur", 5},
	} {
		if got := letters(tt.fam, tt.term); got != tt.want {
			t.Errorf("letters(%s, %q) = %d, want %d", tt.fam, tt.term, got, tt.want)
		}
	}
	a := ix.lexicon().analyzer("da")
	for _, pair := range [][2]string{{"få", "faa"}, {"søg", "soeg"}, {"lækage", "laekage"}} {
		x, y := analysedWords(a, pair[0]), analysedWords(a, pair[1])
		if len(x) != len(y) || len(x) > 0 && x[0] != y[0] {
			t.Errorf("%q analysed %v, %q analysed %v: want the same", pair[0], x, pair[1], y)
		}
	}
}
