package retrieval

import (
	"context"
	"testing"
)

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"How do I return an item?", English},
		{"where is my parcel", English},
		{"Hvordan returnerer jeg en vare?", Danish},
		{"Hvor lang tid tager levering til Danmark?", Danish},
		{"kan jeg få pengene tilbage", Danish},
		{"Berapa lama jaminan produk elektronik?", Malay},
		{"bila barang saya akan sampai", Malay},
		{"Macam mana nak tukar kata laluan?", Malay},
		{"怎么退货", ChineseSimplified},
		{"退款多久到账", ChineseSimplified},
		{"請問怎麼退貨？", ChineseTraditional},
		{"運費怎麼算", ChineseTraditional},
		{"My order LH123456789DK 我的订单在哪里", ChineseSimplified},
		{"我嘅包裹去咗邊度", ChineseTraditional},
		{"包裹遲遲未到", ChineseTraditional},
		{"nombor telefon cs", Malay},
		{"express delivery kl berapa", Malay},
		{"nak cancel order tadi", Malay},
		{"free shipping fra hvor meget", Danish},
		{"", English},
		{"12345", English},
	}
	for _, tt := range tests {
		if got := DetectLanguage(tt.text); got != tt.want {
			t.Errorf("DetectLanguage(%q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

func TestNormalizeLanguage(t *testing.T) {
	tests := map[string]string{
		"da-DK": Danish, "zh-TW": ChineseTraditional, "zh-HK": ChineseTraditional, "zh-Hant": ChineseTraditional,
		"zh-CN": ChineseSimplified, "zh": ChineseSimplified, "ms-MY": Malay, "en-GB": English, "fr": "", "": "",
	}
	for in, want := range tests {
		if got := NormalizeLanguage(in); got != want {
			t.Errorf("NormalizeLanguage(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLanguageByKnowledgeBase checks that a query with none of the words
// detection knows is told by the words of the knowledge base.
func TestLanguageByKnowledgeBase(t *testing.T) {
	ix := openSample(t)
	for _, tt := range []struct{ text, want string }{
		{"skifte mailadresse", Danish},
		{"lupa katalaluan", Malay},
	} {
		if _, sure := detectLanguage(tt.text); sure {
			t.Fatalf("%q: detection is sure; the test needs a query it is not sure of", tt.text)
		}
		res, err := ix.Search(context.Background(), Query{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		if res.Lang != tt.want {
			t.Errorf("%q: language %s, want %s", tt.text, res.Lang, tt.want)
		}
	}
}
