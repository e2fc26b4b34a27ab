package redact

import (
	"slices"
	"testing"
)

// personsFound returns the names Find reports in text.
func personsFound(r *Redactor, text string) []string {
	var out []string
	for _, f := range r.Find(text) {
		if f.Type == Person {
			out = append(out, text[f.Start:f.End])
		}
	}
	return out
}

// checkNames checks that Find reports each name of want and none of not.
func checkNames(t *testing.T, text string, want, not []string) {
	t.Helper()
	got := personsFound(New(Options{}), text)
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("%q: %q not found as a name (names: %q)", text, w, got)
		}
	}
	for _, n := range not {
		for _, g := range got {
			if g == n {
				t.Errorf("%q: %q taken for a name", text, n)
			}
		}
	}
}

// A month's name where a month stands (till August, end of April, 3 May)
// is never a name; one before a family name still is.
func TestMonthIsNoName(t *testing.T) {
	tests := []struct {
		text      string
		want, not []string
	}{
		{"Hola, I'm in Spain till August, use the number above please.", nil, []string{"August"}},
		{"They said the case would be reviewed by the end of April. It's now May.", nil, []string{"April"}},
		{"Jeg er væk indtil August, skriv til mig bagefter.", nil, []string{"August"}},
		{"Saya bercuti sampai Jun, tolong email saja.", nil, []string{"Jun"}},
		{"The last payment was on 3 May and nothing since.", nil, []string{"May"}},
		{"Since June Whitfield took over the account nothing works.", []string{"June Whitfield"}, nil},
		{"They had 3: June, Kristi and Stephen.", []string{"June", "Kristi", "Stephen"}, nil},
	}
	for _, tt := range tests {
		checkNames(t, tt.text, tt.want, tt.not)
	}
}

// "Call me" announces a name, but not before a word of time or manner:
// "call me back", "text her later".
func TestCallMeBack(t *testing.T) {
	tests := []struct {
		text      string
		want, not []string
	}{
		{"pls call me back on 020 7946 0018 asap", nil, []string{"back"}},
		{"ok can u ask vikram to call me back on 87097 34814", []string{"vikram"}, []string{"back"}},
		{"could you ring him later, he is at work", nil, []string{"later"}},
		{"Everyone calls me Bex, not Rebecca.", []string{"Bex"}, nil},
		{"Please call me Anna.", []string{"Anna"}, nil},
	}
	for _, tt := range tests {
		checkNames(t, tt.text, tt.want, tt.not)
	}
}

// Chinese names without a lead-in the rules know: the given-name
// characters of the compiled list (峰, 清) and a kin word before the name
// (我阿爸劉國強) let the Chinese tagger find them.
func TestChineseNamesWithoutCue(t *testing.T) {
	tests := []struct {
		text      string
		want, not []string
	}{
		{"帮我查下欧阳晓峰的订单到哪了，五天没更新", []string{"欧阳晓峰"}, nil},
		{"我阿爸劉國強唔識用手機，我幫佢問", []string{"劉國強"}, nil},
		{"给王小明打个电话，他一直没接", []string{"王小明"}, nil},
	}
	for _, tt := range tests {
		checkNames(t, tt.text, tt.want, tt.not)
	}
}

// A name no list holds stands on the tagger's word alone when the words
// around it make it a name beyond doubt; a product or a heading of words
// no list holds does not.
func TestNamesTheTaggerIsSureOf(t *testing.T) {
	tests := []struct {
		text      string
		want, not []string
	}{
		{"Wójcik again, did the refund for order 10092 go through?", []string{"Wójcik"}, nil},
		{"Hi, the parcel was received by \"C. Magbanua\" but I never got it.", []string{"C. Magbanua"}, nil},
		{"Hi, the Larkspur Home sofa arrived broken.", nil, []string{"Larkspur Home", "Larkspur"}},
		{"Quillmate Pro keeps crashing when I open the app.", nil, []string{"Quillmate Pro", "Quillmate"}},
		{"I want to talk to a human", nil, []string{"human"}},
		{"this is Siobhan, I rang earlier about the kettle", []string{"Siobhan"}, nil},
		{"hi its Dervla again", []string{"Dervla"}, nil},
		{"this is Larkspur Home calling about your order", nil, []string{"Larkspur", "Larkspur Home"}},
		{"thanks, bye", nil, []string{"bye"}},
		{"hej igen", nil, []string{"igen"}},
		{"bye Anna, see you", []string{"Anna"}, nil},
		// Greeted in lower case: names stay names, everyday words do not.
		{"hi rosnah qistina", []string{"rosnah qistina"}, nil},
		{"hej mette", []string{"mette"}, nil},
		{"hi ada masalah", nil, []string{"ada masalah", "masalah"}},
	}
	for _, tt := range tests {
		checkNames(t, tt.text, tt.want, tt.not)
	}
}

// Two who sign a message together, alone on its last line, are two names;
// a shop of two names there is not.
func TestCoSigners(t *testing.T) {
	for _, tt := range []struct {
		text      string
		want, not []string
	}{
		{"Completion is the 28th.\nMagnus & Saoirse", []string{"Magnus", "Saoirse"}, nil},
		{"Much appreciated.\nOgechi & Tobenna", []string{"Ogechi", "Tobenna"}, nil},
		{"cheers\nRuth and Dan", []string{"Ruth", "Dan"}, nil},
		{"I bought it at\nMarks & Spencer", nil, []string{"Marks", "Spencer"}},
	} {
		checkNames(t, tt.text, tt.want, tt.not)
	}
}

// A word for a person and "called" or "named" announce a name, a given
// name that is also a country's too; the name goes on only in its own
// case.
func TestCalledNames(t *testing.T) {
	for _, tt := range []struct {
		text      string
		want, not []string
	}{
		{"the engineer, a lad called Jordan, said the fault is outside", []string{"Jordan"}, nil},
		{"a woman called Florence rang me", []string{"Florence"}, []string{"Florence rang", "rang"}},
		{"seorang staf bernama Aini call saya semalam", []string{"Aini"}, nil},
		{"I moved to Jordan last year", nil, []string{"Jordan"}},
		{"there is a town called Reading near us", nil, []string{"Reading"}},
	} {
		checkNames(t, tt.text, tt.want, tt.not)
	}
}

// A family name joined to the name before it by particles in lower case
// is part of it: "Hassan al-Farsi", "Maria de la Cruz".
func TestNameParticles(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"the beneficiary should read Hassan al-Farsi, not Hasan Alfarsi.", []string{"Hassan al-Farsi"}},
		{"my brother Abdullah al-Hashmi is the nominee", []string{"Abdullah al-Hashmi"}},
		{"please add Maria de la Cruz to the policy", []string{"Maria de la Cruz"}},
		{"Anouk van der Berg called yesterday", []string{"Anouk van der Berg"}},
	} {
		checkNames(t, tt.text, tt.want, nil)
	}
}

// Codes and acronyms in capitals in a text written in lower case do not
// make it a text with capitals: a name in lower case in it is still
// found, and the acronym is no name.
func TestLowerCaseWithCodes(t *testing.T) {
	for _, tt := range []struct {
		text      string
		want, not []string
	}{
		{"need to add nominees for my FD: priya (wife) and aarav (son)", []string{"priya", "aarav"}, nil},
		{"Jeg har fået en mail om at min ordre er sendt med DAO, men sporingsnummeret virker ikke.", nil, []string{"DAO"}},
	} {
		checkNames(t, tt.text, tt.want, tt.not)
	}
}
