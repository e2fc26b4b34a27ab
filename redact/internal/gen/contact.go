package main

import (
	"fmt"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// phone returns a valid phone number of the region, in one of the ways
// people there write it. Validity is checked with the phone-number
// library, so the generator never labels a number that is not one.
func (g *gen) phone(region string) string {
	for {
		s := g.phoneCandidate(region)
		raw := strings.Map(func(r rune) rune {
			if r >= '０' && r <= '９' {
				return r - '０' + '0'
			}
			return r
		}, s)
		n, err := phonenumbers.Parse(raw, region)
		if err == nil && phonenumbers.IsValidNumber(n) {
			return s
		}
	}
}

func (g *gen) phoneCandidate(region string) string {
	pick := func(f ...string) string { return f[g.r.IntN(len(f))] }
	switch region {
	case "DK":
		d := pick("2", "3", "4", "5", "6", "9") + g.digits(7)
		switch g.r.IntN(4) {
		case 0:
			return "+45 " + d[:2] + " " + d[2:4] + " " + d[4:6] + " " + d[6:]
		case 1:
			return d[:2] + " " + d[2:4] + " " + d[4:6] + " " + d[6:]
		case 2:
			return "+45" + d
		default:
			return d[:4] + " " + d[4:]
		}
	case "CN":
		if g.r.IntN(4) == 0 {
			return pick("010-", "(021) ", "020-") + pick("6", "8") + g.digits(3) + " " + g.digits(4)
		}
		d := "1" + pick("3", "5", "8") + g.digits(9)
		switch g.r.IntN(4) {
		case 0:
			return "+86 " + d[:3] + "-" + d[3:7] + "-" + d[7:]
		case 1:
			return d[:3] + " " + d[3:7] + " " + d[7:]
		case 2:
			return fullWidth(d)
		default:
			return d
		}
	case "MY":
		if g.r.IntN(5) == 0 {
			return "03-" + pick("2", "7", "8") + g.digits(3) + " " + g.digits(4)
		}
		d := "1" + pick("2", "3", "6", "7", "9") + g.digits(7)
		switch g.r.IntN(3) {
		case 0:
			return "+60 " + d[:2] + "-" + d[2:5] + " " + d[5:]
		case 1:
			return "0" + d[:2] + "-" + d[2:5] + " " + d[5:]
		default:
			return "0" + d[:2] + " " + d[2:5] + " " + d[5:]
		}
	case "HK":
		d := pick("5", "6", "9", "2") + g.digits(7)
		if g.r.IntN(2) == 0 {
			return "+852 " + d[:4] + " " + d[4:]
		}
		return d[:4] + " " + d[4:]
	case "TW":
		if g.r.IntN(4) == 0 {
			return "(02) " + pick("2", "8") + g.digits(3) + "-" + g.digits(4)
		}
		d := "9" + g.digits(8)
		switch g.r.IntN(3) {
		case 0:
			return "+886 " + d[:3] + " " + d[3:6] + " " + d[6:]
		case 1:
			return fullWidth("0" + d[:3] + "-" + d[3:6] + "-" + d[6:])
		default:
			return "0" + d[:3] + "-" + d[3:6] + "-" + d[6:]
		}
	case "GB":
		if g.r.IntN(4) == 0 {
			return "020 7" + g.digits(3) + " " + g.digits(4)
		}
		d := "7" + pick("4", "5", "7", "8", "9") + g.digits(8)
		if g.r.IntN(2) == 0 {
			return "+44 " + d[:4] + " " + d[4:]
		}
		return "0" + d[:4] + " " + d[4:]
	default: // US
		area := pick("212", "415", "617", "312", "206", "305", "512", "702", "646", "213")
		ex := fmt.Sprint(2+g.r.IntN(8)) + g.digits(2)
		sub := g.digits(4)
		switch g.r.IntN(4) {
		case 0:
			return "(" + area + ") " + ex + "-" + sub
		case 1:
			return area + "-" + ex + "-" + sub
		case 2:
			return area + "." + ex + "." + sub
		default:
			return "+1 " + area + " " + ex + " " + sub
		}
	}
}

// fullWidth writes ASCII digits and dashes as their full-width forms, as
// Chinese input methods often do.
func fullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9':
			return r - '0' + '０'
		case r == '-':
			return '－'
		}
		return r
	}, s)
}

var mailDomains = map[string][]string{
	"en": {"gmail.com", "outlook.com", "yahoo.co.uk", "example.com", "btinternet.com", "icloud.com"},
	"da": {"gmail.com", "hotmail.dk", "mail.dk", "live.dk", "jubii.dk", "example.dk"},
	"ms": {"gmail.com", "yahoo.com.my", "hotmail.com", "example.my", "outlook.my"},
	"zh": {"qq.com", "163.com", "126.com", "sina.com", "example.cn", "yahoo.com.tw", "gmail.com"},
}

// email builds an address from a person's name (or a handle, for names in
// Han characters).
func (g *gen) email(lang string, p person) string {
	local := asciiHandle(p.given) + []string{".", "_", "", "."}[g.r.IntN(4)] + asciiHandle(p.family)
	if lang == "zh" || local == "." || local == "" || local == "_" {
		local = []string{"xiaoming", "wang.fang", "lihua", "chen.jing", "zhangwei", "liuyang", "huang.mei", "jiahui"}[g.r.IntN(8)]
	}
	if g.r.IntN(3) == 0 {
		local += fmt.Sprint(g.r.IntN(100))
	}
	d := mailDomains[lang]
	return strings.Trim(local, "._") + "@" + d[g.r.IntN(len(d))]
}

// asciiHandle lower-cases a name and folds the letters e-mail addresses
// rarely carry.
func asciiHandle(s string) string {
	r := strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa", "é", "e", "ü", "u", "ö", "o", " ", "", "'", "", "/", "")
	out := r.Replace(strings.ToLower(s))
	return strings.Map(func(c rune) rune {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			return c
		}
		return -1
	}, out)
}

// personalURL returns a link that identifies someone: a profile, or a
// link with their e-mail address or a token in it.
func (g *gen) personalURL(p person) string {
	h := asciiHandle(p.given + p.family)
	if h == "" {
		h = "user" + g.digits(5)
	}
	switch g.r.IntN(4) {
	case 0:
		return "https://www.linkedin.com/in/" + h + "-" + g.digits(3)
	case 1:
		return "https://www.facebook.com/" + h
	case 2:
		return "https://shop.example.com/account/reset?token=" + strings.ToLower(g.letters(12)) + g.digits(6)
	default:
		return "https://track.example.net/order?email=" + h + "%40gmail.com&id=" + g.digits(7)
	}
}
