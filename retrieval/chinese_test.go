package retrieval

import "testing"

func TestChineseScript(t *testing.T) {
	tests := []struct{ text, want string }{
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
		if got := chineseScript(tt.text); got != tt.want {
			t.Errorf("chineseScript(%q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

func TestNormalizeChinese(t *testing.T) {
	tests := []struct{ in, want string }{
		// Cantonese words become standard ones, then folded; the
		// particles go.
		{"退款幾耐先到", "退款多久先到"},
		{"我嘅包裹去咗邊度", " 包裹去 "},
		{"可唔可以退貨", " 退货"},
		{"冇人聽電話", "没 人接电话"},
		{"我想同真人傾", "  同真人谈"},
		// Words holding a character that Cantonese uses otherwise stay.
		{"幾點開門", "几点营业"},
		{"沒關係", "没关系"},
		// The aspect particle goes without a gap.
		{"我退了货", " 退货"},
		{"落咗單可唔可以改", "下单 改"},
	}
	for _, tt := range tests {
		if got := normalizeChinese(tt.in); got != tt.want {
			t.Errorf("normalizeChinese(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
