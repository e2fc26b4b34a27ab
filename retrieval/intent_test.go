package retrieval

import "testing"

func TestIntentsOf(t *testing.T) {
	for _, tt := range []struct {
		text string
		want intent
	}{
		{"How do I return a pair of shoes?", intentHow},
		{"How to start a return", intentHow},
		{"Does a return cost anything?", intentCost},
		{"When will I get my money?", intentWhen},
		{"how long does express take", intentWhen},
		{"Hvordan returnerer jeg en vare?", intentHow},
		{"Hvad koster det at returnere?", intentCost},
		{"Hvornår bliver pengene trukket?", intentWhen},
		{"camne nk pulangkan barang", intentHow},
		{"kena bayar ke label pulangan", intentCost},
		{"Bila kad saya dicaj?", intentWhen},
		{"如何申请退货", intentHow},
		{"退貨要錢嗎？", intentCost},
		{"信用卡什麼時候會被扣錢", intentWhen},
		{"Showroom in Copenhagen", 0},
		{"whenever", 0}, // whole words only
		{"free delivery, how long?", intentCost | intentWhen},
	} {
		if got := intentsOf(tt.text); got != tt.want {
			t.Errorf("intentsOf(%q) = %03b, want %03b", tt.text, got, tt.want)
		}
	}
}
