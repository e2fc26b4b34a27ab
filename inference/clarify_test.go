package inference

import (
	"testing"

	"github.com/hushdesk/hushdesk/inference/lang"
)

func TestVagueAndTroubled(t *testing.T) {
	for _, tc := range []struct {
		text            string
		l               lang.Tag
		vague, troubled bool
	}{
		{"I have a problem with my order", lang.English, true, true},
		{"theres an issue with my order", lang.English, true, true},
		{"something's wrong with my payment", lang.English, false, true},
		{"How do I return a sofa?", lang.English, false, false},
		{"do you sell garden furniture made of teak", lang.English, false, false},
		{"my parcel and my invoice are both wrong", lang.English, false, false}, // two things named: searched
		{"det virker ikke", lang.Danish, true, true},
		{"hej jeg har brug for hjælp", lang.Danish, true, true},
		{"hi sy perlukan bantuan", lang.Malay, true, true},
		{"我的订单有问题", lang.ChineseSimplified, true, true},
		{"出问题了 帮我看下", lang.ChineseSimplified, true, true},
		{"付款有问题", lang.ChineseSimplified, false, true},
		{"急死人 都係唔得", lang.ChineseTraditional, true, true},
		{"退货要多久", lang.ChineseSimplified, false, false},
		{"my order is messed up", lang.English, true, true},
		{"min ordre er forkert", lang.Danish, true, true},
		{"可唔可以幫下我", lang.ChineseTraditional, true, true},
		{"想查詢少少嘢", lang.ChineseTraditional, true, false},
		// A comparative asks for more or less of what is in play.
		{"有冇快啲嘅", lang.ChineseTraditional, false, false},
		{"有没有更便宜的", lang.ChineseSimplified, false, false},
	} {
		if got := vague(tc.text, tc.l); got != tc.vague {
			t.Errorf("vague(%q) = %v", tc.text, got)
		}
		if got := troubled(tc.text, tc.l); got != tc.troubled {
			t.Errorf("troubled(%q) = %v", tc.text, got)
		}
	}
}

func TestAnnouncesTopic(t *testing.T) {
	for _, tc := range []struct {
		text string
		l    lang.Tag
		want bool
	}{
		{"i have a question about my refund", lang.English, true},
		{"question about money", lang.English, true},
		{"jeg har et spørgsmål om penge", lang.Danish, true},
		{"nk tanya pasal duit", lang.Malay, true},
		{"想问一下钱的事", lang.ChineseSimplified, true},
		{"想問關於帳戶嘅嘢", lang.ChineseTraditional, true},
		{"question about my refund, how long does it take", lang.English, false},
		{"i have a question about the return label for my sofa", lang.English, false}, // it names what
		{"jeg har et spørgsmål om hvornår pengene kommer", lang.Danish, false},
		{"关于退货运费谁来付", lang.ChineseSimplified, false},
		{"How do I return a sofa?", lang.English, false},
		{"money", lang.English, false}, // no announcement: searched as it is
	} {
		if got := announcesTopic(tc.text, tc.l); got != tc.want {
			t.Errorf("announcesTopic(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestWithoutAsking(t *testing.T) {
	for _, tc := range []struct {
		text string
		l    lang.Tag
		want string
	}{
		{"how long do i have to tell u", lang.English, "tell"},
		{"brp lama kena tunggu", lang.Malay, "tunggu"},
		{"how long have i got", lang.English, ""},
		{"多久之内要联系你们", lang.ChineseSimplified, "之内 联系 们"},
	} {
		if got := withoutAsking(tc.text, tc.l); got != tc.want {
			t.Errorf("withoutAsking(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestNamesTopicAsWritten: a Chinese question may name its topic in
// Latin letters, a brand or a borrowed word; Danish may lack its letters.
func TestNamesTopicAsWritten(t *testing.T) {
	for _, tc := range []struct {
		text string
		l    lang.Tag
		want bool
	}{
		{"Larkspur Care是什么", lang.ChineseSimplified, true},
		{"Larkspur Care係咩", lang.ChineseTraditional, true},
		{"收唔到email喎", lang.ChineseTraditional, true},
		{"可以用Apple Pay嗎", lang.ChineseTraditional, true},
		{"是什么", lang.ChineseSimplified, false},
		{"ok 多久", lang.ChineseSimplified, false},
		// Danish typed without æ, ø and å asks as it would with them.
		{"hvornar da?", lang.Danish, false},
		{"hvor lange", lang.Danish, false},
		{"hvad med i tyskland", lang.Danish, true},
		// How long something takes asks only how long.
		{"how long does it take?", lang.English, false},
		{"hvor lang tid tager det", lang.Danish, false},
		{"brp lama nak ambil", lang.Malay, false},
		{"how long does delivery take", lang.English, true},
	} {
		if got := namesTopic(tc.text, tc.l); got != tc.want {
			t.Errorf("namesTopic(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
