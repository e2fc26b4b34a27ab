package search

import "testing"

func TestIntentsOf(t *testing.T) {
	for _, tt := range []struct {
		text string
		want intent
	}{
		{"How do I return a pair of shoes?", intentHow},
		{"How to start a return", intentHow},
		{"whats the way to return a rug i bought", intentHow},
		{"what's the process for a refund", intentHow},
		{"mcmana nk tukar alamat", intentHow},
		{"咋退货", intentHow},
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
		{"where can i see whats happening with my claim", intentStatus},
		{"What do the statuses mean?", intentStatus},
		{"hvor langt er min skadesag", intentStatus},
		{"claim sy sampai mana dah", intentStatus},
		{"我的理赔到哪一步了", intentStatus},
		{"tracking says delivered but nothing came", 0}, // a topic word, not a status question
	} {
		if got := intentsOf(tt.text); got != tt.want {
			t.Errorf("intentsOf(%q) = %03b, want %03b", tt.text, got, tt.want)
		}
	}
}

func TestQuestionWordStems(t *testing.T) {
	ix, err := OpenMemory(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, tt := range []struct {
		fam, text string
		want      []string // held
		not       []string // not held
	}{
		{"da", "Hvor lang tid tager levering?", []string{"lang", "tid"}, []string{"levering"}},
		{"en", "How long does express delivery take?", []string{"long"}, []string{"express", "deliveri"}},
		{"en", "How much does express delivery cost?", nil, []string{"cost", "express"}}, // cost words stay
		{"ms", "berapa lama penghantaran ke Sabah", []string{"lama"}, []string{"penghantaran"}},
		{"zh", "退款需要多久", nil, []string{"多久"}}, // Chinese cue bigrams stay
	} {
		got := questionWordStems(ix.analyzer(tt.fam), tt.text)
		for _, w := range tt.want {
			if !got[w] {
				t.Errorf("%q: %q not damped (got %v)", tt.text, w, got)
			}
		}
		for _, w := range tt.not {
			if got[w] {
				t.Errorf("%q: %q damped", tt.text, w)
			}
		}
	}
}

func TestAsksHow(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"how do i delete my account", true},
		{"hvor lang tid går der før i svarer på en indsigtsanmodning", true},
		{"nk buat aduan kena hantar kat mana", true},
		{"怎样把我的投诉升级处理", true},
		{"要怎麼申請拿到我的個人資料副本", true},
		{"please delete my account and everything you have about me", false},
		{"i want to make a complaint to a manager", false},
		{"can i talk to a human", false},
		{"我要投诉", false},
	} {
		if got := AsksHow(tt.text); got != tt.want {
			t.Errorf("AsksHow(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestAsksWhether(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"does a team lead look at it again if im not happy with the answer to my complaint", true},
		{"kalau x puas hati lg lepas aduan, boleh pergi tribunal tuntutan pengguna ke", true},
		{"投诉以后会有人回复吗", true},
		{"投诉处理会不会很慢", true},
		{"kan jeg klage til forbrugerklagenævnet bagefter", true},
		{"If the refund isn't in my account by Friday my solicitor will be in touch.", false},
		{"Kalau refund tak masuk minggu ni, saya akan bawa kes ni ke Tribunal Tuntutan Pengguna.", false},
		{"can you escalate my complaint?", false},
		{"kan I ringe mig op?", false},
		{"帮我投诉一下好吗", false},
		{"i want to make a complaint to a manager", false},
		{"我要投诉", false},
	} {
		if got := AsksWhether(tt.text); got != tt.want {
			t.Errorf("AsksWhether(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestAsksOfSpoken(t *testing.T) {
	for _, tt := range []struct {
		text string
		want intent
	}{
		{"落單之後幾耐內可以取消", intentWhen},
		{"刷卡幾時會扣錢", intentWhen},
		{"點樣申請保養", intentHow},
		{"How long does it take?", intentWhen},
		// Danish without æ, ø and å, Malay chat shorthand.
		{"hvornar har i abent", intentWhen},
		{"hvornaar kommer pakken", intentWhen},
		{"hvor laenge er jeg daekket", intentWhen},
		{"kedai buka pkl brp", intentWhen},
	} {
		if got := asksOf(tt.text); got&tt.want == 0 {
			t.Errorf("asksOf(%q) = %04b, want %04b", tt.text, got, tt.want)
		}
	}
}

// What has not come yet is asked when it will come; a heading that says
// so promises no time.
func TestNotYetAsksWhen(t *testing.T) {
	for _, text := range []string{"thanks but the refund still hasnt arrived", "min refund er ikke kommet endnu", "bayaran balik belum terima lagi"} {
		if asksOf(text)&intentWhen == 0 {
			t.Errorf("asksOf(%q) does not ask when", text)
		}
	}
	if intentsOf("Still not received your refund?")&intentWhen != 0 {
		t.Error("a heading that says a refund has not come promises when")
	}
	ix := openSample(t)
	res, err := ix.Search(t.Context(), Query{Text: "thanks but the refund still hasnt arrived", K: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Passages) == 0 || res.Passages[0].Heading != "When will I get my money?" {
		t.Errorf("first %+v, want the section on when the money comes", res.Passages)
	}
}
