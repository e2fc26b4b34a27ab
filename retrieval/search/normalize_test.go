package search

import "testing"

func TestNormalizeQuery(t *testing.T) {
	tests := []struct{ fam, in, want string }{
		{"ms", "sy nak return barang boleh x", "saya hendak return barang boleh tidak"},
		{"ms", "nombor telefon cs", "nombor telefon khidmat pelanggan"},
		{"ms", "refund lambat sgt, dah 2 minggu", "refund lambat sangat, sudah 2 minggu"},
		{"ms", "Tp X", "tetapi tidak"},
		{"en", "how do i set up 2fa pls", "how do i set up two-step verification please"},
		{"en", "dont like it", "do not like it"},
		{"da", "kan jeg stacke rabatkoder", "kan jeg stacke rabatkoder"},
		{"zh", "退款幾耐先到？", "退款多久先到 "},
	}
	for _, tt := range tests {
		if got := normalizeQuery(tt.fam, tt.in); got != tt.want {
			t.Errorf("normalizeQuery(%s, %q) = %q, want %q", tt.fam, tt.in, got, tt.want)
		}
	}
}
