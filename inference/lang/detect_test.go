package lang

import "testing"

func TestDetect(t *testing.T) {
	tests := []struct {
		text  string
		want  Tag
		clear bool
	}{
		{"How do I return an item?", English, true},
		{"where is my parcel", English, true},
		{"Hvordan returnerer jeg en vare?", Danish, true},
		{"Hvor lang tid tager levering til Danmark?", Danish, true},
		{"kan jeg få pengene tilbage", Danish, true},
		{"Berapa lama jaminan produk elektronik?", Malay, true},
		{"bila barang saya akan sampai", Malay, true},
		{"Macam mana nak tukar kata laluan?", Malay, true},
		{"怎么退货", ChineseSimplified, true},
		{"退款多久到账", ChineseSimplified, true},
		{"請問怎麼退貨？", ChineseTraditional, true},
		{"運費怎麼算", ChineseTraditional, true},
		{"My order LH123456789DK 我的订单在哪里", ChineseSimplified, true},
		{"我嘅包裹去咗邊度", ChineseTraditional, true},
		{"包裹遲遲未到", ChineseTraditional, true},
		{"nombor telefon cs", Malay, true},
		{"express delivery kl berapa", Malay, false}, // one Malay word among English ones
		{"nak cancel order tadi", Malay, true},
		{"hello, perlukan bantuan", Malay, true}, // Malay help asked for, after an English greeting
		{"ada masalah sikit", Malay, true},
		{"free shipping fra hvor meget", Danish, true},
		{"hej", Danish, false},
		{"ok", English, false},
		{"", English, false},
		{"12345", English, false},
	}
	for _, tt := range tests {
		d := Detect(tt.text)
		if d.Tag != tt.want || d.Clear != tt.clear {
			t.Errorf("Detect(%q) = %+v, want %s clear=%v", tt.text, d, tt.want, tt.clear)
		}
	}
}

// TestChooseHintIsAPrior: a browser's language is a hint; a message that
// plainly says its own language wins over it, and a message that does not
// tell keeps the hint.
func TestChooseHintIsAPrior(t *testing.T) {
	tests := []struct {
		hint Tag
		text string
		want Tag
	}{
		{English, "Berapa lama jaminan produk elektronik?", Malay}, // the defect: Malay from an English browser
		{English, "Hvornår får jeg mine penge tilbage?", Danish},
		{English, "怎么退货", ChineseSimplified},
		{Danish, "How do I return an item?", English},
		{ChineseTraditional, "退款", ChineseTraditional}, // the script does not tell: the hint's script
		{ChineseSimplified, "請問怎麼退貨？", ChineseTraditional},
		{Malay, "ok", Malay},
		{Danish, "tak", Danish}, // Danish thanks, Malay "not": too little to overrule
		{Danish, "hi", Danish},
		{"", "hi", English},
		{"", "Hvordan returnerer jeg en vare?", Danish},
	}
	for _, tt := range tests {
		if got, _ := Choose(tt.hint, tt.text); got != tt.want {
			t.Errorf("Choose(%q, %q) = %s, want %s", tt.hint, tt.text, got, tt.want)
		}
	}
}

func TestSimplify(t *testing.T) {
	if got := Simplify("請問怎麼退貨"); got != "请问怎么退货" {
		t.Errorf("Simplify = %q", got)
	}
	if got := Simplify("plain text"); got != "plain text" {
		t.Errorf("Simplify changed Latin text: %q", got)
	}
}

func TestChineseScript(t *testing.T) {
	tests := []struct {
		text string
		want Tag
	}{
		{"退款多久到账", ChineseSimplified},
		{"退貨運費誰出", ChineseTraditional},
		// Characters outside any short list of script pairs.
		{"包裹遲遲未到", ChineseTraditional},
		{"鎖住了", ChineseTraditional},
		// Cantonese is written in traditional characters.
		{"我嘅包裹去咗邊度", ChineseTraditional},
		{"唔該", ChineseTraditional},
		// 台 and 里 are traditional too: they say nothing.
		{"寄到台北要多久", ChineseSimplified},
		{"寄到台北要幾天", ChineseTraditional},
		// Shared characters only; the word is Taiwan's.
		{"保固期多久", ChineseTraditional},
		{"客服", ChineseSimplified},
	}
	for _, tt := range tests {
		if got, _ := chineseScript(tt.text); got != tt.want {
			t.Errorf("chineseScript(%q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}
