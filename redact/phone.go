package redact

import (
	"github.com/nyaruka/phonenumbers"
)

// phoneRegions are the numbering plans a national number (one written
// without a country code) is tried against, in order.
var phoneRegions = []string{"DK", "MY", "CN", "HK", "TW", "SG", "GB", "US"}

// phoneContext reports whether the words before a number say it is a phone
// number, in the languages customers write in.
func phoneContext(ctx string) bool {
	return hasAny(ctx, "phone", "call", "tel", "mobile", "cell", "number", "whatsapp", "sms", "text me",
		"ring", "telefon", "tlf", "mobil", "nummer", "电话", "電話", "手机", "手機", "号码", "號碼",
		"联系", "聯絡", "致电", "telefon bimbit", "nombor", "hubungi", "no. tel", "h/p")
}

// looksLikeDate reports whether the grouping is that of a written date.
func (c numCandidate) looksLikeDate() bool {
	if !c.sepsOnly("-./") {
		return false
	}
	return c.grouped(2, 2, 4) || c.grouped(4, 2, 2) || c.grouped(2, 2, 2) || c.grouped(1, 2, 4) ||
		c.grouped(2, 1, 4) || c.grouped(1, 1, 4) || c.grouped(4, 1, 1) || c.grouped(4, 2, 1) || c.grouped(4, 1, 2)
}

func phoneNumber(t string, c numCandidate, ctx string) (float64, string, bool) {
	d := c.digits
	if len(d) < 7 || len(d) > 15 || c.looksLikeDate() {
		return 0, "", false
	}
	context := phoneContext(ctx)
	international := c.plus || (len(d) > 9 && d[0] == '0' && d[1] == '0')
	if international {
		raw := d
		if !c.plus {
			raw = d[2:]
		}
		n, err := phonenumbers.Parse("+"+raw, "")
		if err != nil {
			return 0, "", false
		}
		switch {
		case phonenumbers.IsValidNumber(n):
			return 0.95, phonenumbers.Format(n, phonenumbers.E164), true
		case context && phonenumbers.IsPossibleNumber(n):
			return 0.7, phonenumbers.Format(n, phonenumbers.E164), true
		}
		return 0, "", false
	}
	if notPersonalContext(ctx) && !context {
		return 0, "", false
	}
	var found *phonenumbers.PhoneNumber
	for _, region := range phoneRegions {
		n, err := phonenumbers.Parse(d, region)
		if err == nil && phonenumbers.IsValidNumberForRegion(n, region) {
			found = n
			break
		}
	}
	if found == nil {
		return 0, "", false
	}
	canon := phonenumbers.Format(found, phonenumbers.E164)
	bracketed := c.start < len(t) && t[c.start] == '('
	switch {
	case context:
		return 0.85, canon, true
	case bracketed:
		return 0.75, canon, true
	case len(c.groups) > 1:
		return 0.7, canon, true
	case len(d) >= 10 && (d[0] == '0' || d[0] == '1'):
		return 0.65, canon, true
	}
	return 0.45, canon, true
}
