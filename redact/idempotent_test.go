package redact

import "testing"

// TestRedactIsIdempotent covers texts where replacing one value changes
// how the words around another read; Redact reads its output again so
// that a second redaction changes nothing.
func TestRedactIsIdempotent(t *testing.T) {
	tests := []string{
		"CArd000000000000000 YAN 000000000 20 100000",
		"Tarikh lahir saya 12 Mac 1985, bukan 16/09/2024 seperti dalam sistem.",
		"2010 0000!000000000000000000000000000000 0000000",
		"::0001 0.0.0.1",
		"Nama: Teoh Chee Keong",
	}
	r := New(Options{})
	for _, text := range tests {
		once := r.Redact(text, nil)
		twice := r.Redact(once.Text, nil)
		if twice.Text != once.Text {
			t.Errorf("Redact(%q) = %q, but again gives %q", text, once.Text, twice.Text)
		}
		prev := 0
		for _, f := range once.Findings {
			if f.Start < prev || f.End <= f.Start || f.End > len(text) {
				t.Errorf("Redact(%q): finding %+v out of order or outside the text", text, f)
			}
			prev = f.End
		}
	}
}

func TestMapBack(t *testing.T) {
	// "ab XYZ cd" with XYZ (3..6) replaced by <P_1> (3..8): "ab <P_1> cd".
	reps := []replacement{{from: 3, to: 6, at: 3, n: 5}}
	tests := []struct {
		i    int
		end  bool
		want int
	}{
		{0, false, 0}, {2, true, 2}, {3, true, 3}, {3, false, 3}, {5, false, 3}, {5, true, 6}, {8, true, 6},
		{9, false, 7}, {11, true, 9},
	}
	for _, tt := range tests {
		if got := mapBack(reps, tt.i, tt.end); got != tt.want {
			t.Errorf("mapBack(%d, end=%v) = %d, want %d", tt.i, tt.end, got, tt.want)
		}
	}
}
