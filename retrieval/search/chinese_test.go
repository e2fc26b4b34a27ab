package search

import (
	"testing"
)

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

func TestANotA(t *testing.T) {
	for in, want := range map[string]string{
		"價錢包唔包稅":     "價錢包稅",
		"过了30天还退不退得": "过了30天还退得",
		"有沒有會員積分":    "有會員積分",
		"保修保不保电池":    "保修保电池",
		"不不":         "不不",
		"abc不abc":    "abc不abc",
	} {
		if got := aNotA(in); got != want {
			t.Errorf("aNotA(%q) = %q, want %q", in, got, want)
		}
	}
}
