package decision

import "testing"

func TestReasonsUnique(t *testing.T) {
	seen := map[Reason]bool{}
	for _, r := range Reasons() {
		if seen[r] {
			t.Errorf("%s listed twice", r)
		}
		seen[r] = true
		if !r.Known() {
			t.Errorf("%s not known", r)
		}
	}
	if Reason("made_up").Known() {
		t.Error("an unknown code is known")
	}
}

func TestFailure(t *testing.T) {
	for r, want := range map[Reason]bool{Smalltalk: false, Answered: false, NoRelevant: true, OfferDeclined: false, ThumbsDown: true} {
		if r.Failure() != want {
			t.Errorf("%s.Failure() = %v", r, !want)
		}
	}
}
