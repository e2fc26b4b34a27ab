package redact

import (
	"strings"
	"testing"
)

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		want map[Type][]string // type -> values expected, in order
	}{
		{"email", "Write to jane.doe+news@example.co.uk please.", map[Type][]string{Email: {"jane.doe+news@example.co.uk"}}},
		{"email in Chinese text", "我的邮箱是wang.fang@example.cn，谢谢", map[Type][]string{Email: {"wang.fang@example.cn"}}},
		{"phone E.164 DK", "Ring til mig på +45 20 12 34 56 i morgen", map[Type][]string{Phone: {"+45 20 12 34 56"}}},
		{"phone MY national", "call me at 012-345 6789 thanks", map[Type][]string{Phone: {"012-345 6789"}}},
		{"phone CN mobile", "我的手机号码是13812345678", map[Type][]string{Phone: {"13812345678"}}},
		{"phone full-width", "電話：０９１２３４５６７８", map[Type][]string{Phone: {"０９１２３４５６７８"}}},
		{"card grouped", "card 4111 1111 1111 1111 exp 12/27", map[Type][]string{CreditCard: {"4111 1111 1111 1111"}}},
		{"card plain", "my card is 5555555555554444", map[Type][]string{CreditCard: {"5555555555554444"}}},
		{"iban", "IBAN: DK50 0040 0440 1162 43 for the refund", map[Type][]string{IBAN: {"DK50 0040 0440 1162 43"}}},
		{"iban plain", "GB82WEST12345698765432", map[Type][]string{IBAN: {"GB82WEST12345698765432"}}},
		{"ipv4", "my router is 192.168.10.20.", map[Type][]string{IPAddress: {"192.168.10.20"}}},
		{"ipv6", "from 2001:db8::8a2e:370:7334 today", map[Type][]string{IPAddress: {"2001:db8::8a2e:370:7334"}}},
		{"ipv4 with a port", "the router answers on 192.168.10.20:8080 only", map[Type][]string{IPAddress: {"192.168.10.20"}}},
		{"danish number in pairs", "ring på 12.34.56.78 i morgen", map[Type][]string{Phone: {"12.34.56.78"}}},
		{"loopback stays", `dial tcp 127.0.0.1:11434: connect: connection refused; [::1]:80`, nil},
		{"cpr", "mit CPR-nummer er 070761-4285", map[Type][]string{DKCPR: {"070761-4285"}}},
		{"cn id", "身份证号 11010519491231002X", map[Type][]string{CNResidentID: {"11010519491231002X"}}},
		{"my nric", "No. IC saya 880512-14-5673", map[Type][]string{MYNRIC: {"880512-14-5673"}}},
		{"order number stays", "Order 12345678 has not arrived", nil},
		{"tracking stays", "tracking LH123456789DK is stuck", nil},
		{"price and time stay", "It cost DKK 1.299,00 and came at 14:30 on 2024-05-01", nil},
		{"luhn failure stays", "card 4111 1111 1111 1112", nil},
		{"iban failure stays", "DK50 0040 0440 1162 44", nil},
		{"version stays", "app version 1.2.3.4 crashed", nil},
		{"bad cpr date stays", "ordre 320199-1234", nil},
		{"placeholder stays", "my mail is <EMAIL_1> and phone <PHONE_2>", nil},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[Type][]string{}
			for _, f := range r.Find(tt.text) {
				got[f.Type] = append(got[f.Type], tt.text[f.Start:f.End])
			}
			if len(got) != len(tt.want) {
				t.Fatalf("Find(%q) = %v, want %v", tt.text, got, tt.want)
			}
			for typ, vals := range tt.want {
				if strings.Join(got[typ], "|") != strings.Join(vals, "|") {
					t.Errorf("Find(%q)[%s] = %q, want %q", tt.text, typ, got[typ], vals)
				}
			}
		})
	}
}

func TestRedactPlaceholders(t *testing.T) {
	r := New(Options{})
	ph := NewPlaceholders()
	a := r.Redact("mail a@example.com or b@example.com", ph)
	if a.Text != "mail <EMAIL_1> or <EMAIL_2>" {
		t.Fatalf("first message: %q", a.Text)
	}
	b := r.Redact("again: A@Example.com", ph)
	if b.Text != "again: <EMAIL_1>" {
		t.Fatalf("same value must keep its placeholder: %q", b.Text)
	}
	if got := ph.Restore("We wrote to <EMAIL_1>, not <EMAIL_9>."); got != "We wrote to a@example.com, not <EMAIL_9>." {
		t.Fatalf("Restore = %q", got)
	}
	if c := a.Counts(); c[Email] != 2 {
		t.Fatalf("Counts = %v", c)
	}
}

func TestAllow(t *testing.T) {
	r := New(Options{Allow: []string{"anna.berg@larkspur.example", "+45 70 20 30 40"}})
	text := "Write to anna.berg@larkspur.example or call +45 70203040; or me at me@example.org"
	res := r.Redact(text, nil)
	if want := "Write to anna.berg@larkspur.example or call +45 70203040; or me at <EMAIL_1>"; res.Text != want {
		t.Fatalf("Redact = %q, want %q", res.Text, want)
	}
}

func TestOffsetsMapToOriginal(t *testing.T) {
	r := New(Options{})
	text := "ｍｙ　ｍａｉｌ：ａｂｃ＠ｅｘａｍｐｌｅ．ｃｏｍ，谢谢"
	got := r.Find(text)
	if len(got) != 1 || got[0].Type != Email {
		t.Fatalf("Find = %+v", got)
	}
	if v := text[got[0].Start:got[0].End]; v != "ａｂｃ＠ｅｘａｍｐｌｅ．ｃｏｍ" {
		t.Fatalf("span = %q", v)
	}
}

func TestAllowDomainsAndAllowing(t *testing.T) {
	r := New(Options{AllowDomains: []string{"@larkspur.example"}})
	got := r.Redact("Write to anna.berg@larkspur.example or see https://support.larkspur.example/returns, not ann@gmail.com", nil).Text
	if !strings.Contains(got, "anna.berg@larkspur.example") || !strings.Contains(got, "support.larkspur.example") || strings.Contains(got, "ann@gmail.com") {
		t.Fatalf("domains: %q", got)
	}
	// A value allowed for one call only.
	text := "Questions? Call Jonas Holm on +45 32 12 34 56."
	if got := r.Redact(text, nil).Text; strings.Contains(got, "32 12 34 56") {
		t.Fatalf("the number was kept without being allowed: %q", got)
	}
	if got := r.Allowing("+45 32 12 34 56", "Jonas Holm").Redact(text, nil).Text; got != text {
		t.Fatalf("allowing: %q", got)
	}
	if got := r.Redact(text, nil).Text; strings.Contains(got, "32 12 34 56") {
		t.Fatal("Allowing changed the redactor it was made from")
	}
}

// TestOrganisationIsNoPerson: the company greeted by its name, or the
// first word of it, is no person; a first word that is a given name may
// still be one.
func TestOrganisationIsNoPerson(t *testing.T) {
	for _, tt := range []struct {
		org, text, want string
	}{
		{"Larkspur Home", "Hello Larkspur, can I return a lamp?", "Hello Larkspur, can I return a lamp?"},
		{"Larkspur Home", "Hej Larkspur Home, kan jeg returnere en lampe", "Hej Larkspur Home, kan jeg returnere en lampe"},
		{"Larkspur Home", "Hi Sarah, can I return a lamp?", "Hi <PERSON_1>, can I return a lamp?"},
		{"John Lewis", "Hello John, can I return a lamp?", "Hello <PERSON_1>, can I return a lamp?"},
	} {
		r := New(Options{Organisation: []string{tt.org}})
		if got := r.Redact(tt.text, nil).Text; got != tt.want {
			t.Errorf("%s: Redact(%q) = %q, want %q", tt.org, tt.text, got, tt.want)
		}
	}
}
