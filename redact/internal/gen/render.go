package main

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// span is one labelled value in a sample, in code points.
type span struct {
	Type  string `json:"entity_type"`
	Value string `json:"entity_value"`
	Start int    `json:"start_position"`
	End   int    `json:"end_position"`
}

// sample is one labelled text, in the presidio-research gold format.
type sample struct {
	Text       string         `json:"full_text"`
	Spans      []span         `json:"spans"`
	TemplateID int            `json:"template_id"`
	Metadata   map[string]any `json:"metadata"`
}

// part is a piece of a sample's text; typ is empty for text that is not
// personal data.
type part struct{ text, typ string }

// builder assembles a sample and keeps the code-point offsets of its spans.
type builder struct {
	b     strings.Builder
	n     int
	spans []span
}

func (b *builder) add(p part) {
	start := b.n
	b.b.WriteString(p.text)
	b.n += utf8.RuneCountInString(p.text)
	if p.typ != "" {
		b.spans = append(b.spans, span{Type: p.typ, Value: p.text, Start: start, End: b.n})
	}
}

// render fills a template's {SLOT}s for one sample.
func (g *gen) render(lang, tmpl string) ([]part, error) {
	c := &sampleCtx{g: g, lang: lang, p: g.person(lang)}
	var parts []part
	for tmpl != "" {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			parts = append(parts, part{text: tmpl})
			break
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			return nil, fmt.Errorf("unclosed slot in %q", tmpl)
		}
		if i > 0 {
			parts = append(parts, part{text: tmpl[:i]})
		}
		ps, err := c.slot(tmpl[i+1 : i+j])
		if err != nil {
			return nil, err
		}
		parts = append(parts, ps...)
		tmpl = tmpl[i+j+1:]
	}
	return parts, nil
}

// sampleCtx keeps the people of one sample, so that a name and the e-mail
// address made from it belong together.
type sampleCtx struct {
	g    *gen
	lang string
	p    person
	p2   *person
}

var localRegion = map[string][]string{"en": {"GB", "US"}, "da": {"DK"}, "ms": {"MY"}, "zh": {"CN", "CN", "HK", "TW"}}

func (c *sampleCtx) slot(name string) ([]part, error) {
	g, lang := c.g, c.lang
	one := func(text, typ string) ([]part, error) { return []part{{text, typ}}, nil }
	switch name {
	case "NAME":
		return one(c.p.full, "PERSON")
	case "GIVEN":
		return one(c.p.given, "PERSON")
	case "NAME2":
		if c.p2 == nil {
			p := g.person(lang)
			c.p2 = &p
		}
		return one(c.p2.full, "PERSON")
	case "HON":
		title, after := g.honorific(lang, c.p)
		switch {
		case after:
			return []part{{c.p.full, "PERSON"}, {title, ""}}, nil
		case c.p.style == "western":
			return []part{{title, ""}, {c.p.family, "PERSON"}}, nil
		}
		return []part{{title, ""}, {c.p.full, "PERSON"}}, nil
	case "EMAIL":
		return one(g.email(lang, c.p), "EMAIL")
	case "PHONE":
		return one(g.phone(g.pick(localRegion[lang])), "PHONE")
	case "PHONE_ANY":
		return one(g.phone(g.pick([]string{"DK", "CN", "MY", "HK", "TW", "GB", "US"})), "PHONE")
	case "CARD":
		return one(g.card(true), "CREDIT_CARD")
	case "IBAN":
		return one(g.iban(true), "IBAN")
	case "CPR":
		return one(g.cpr(), "DK_CPR")
	case "CNID":
		return one(g.cnID(false), "CN_RESIDENT_ID")
	case "CNID15":
		return one(g.cnID(true), "CN_RESIDENT_ID")
	case "NRIC":
		return one(g.nric(), "MY_NRIC")
	case "HKID":
		return one(g.hkID(), "HK_ID")
	case "TWID":
		return one(g.twID(), "TW_ID")
	case "SSN":
		return one(g.ssn(), "US_SSN")
	case "NINO":
		return one(g.nino(), "UK_NINO")
	case "IP":
		return one(g.ip(), "IP_ADDRESS")
	case "URLP":
		return one(g.personalURL(c.p), "URL")
	case "DOB":
		return one(g.birthDate(lang), "DATE_OF_BIRTH")
	case "ADDR":
		return one(g.address(lang), "ADDRESS")
	case "ORIGIN": // where the writer comes from: personal, unlike {CITY}
		return one(g.pick([]string{"Taiwan", "Taipei", "Kaohsiung", "Taichung"}), "LOCATION")
	// Look-alikes, not labelled.
	case "ORDER":
		return one(g.order(), "")
	case "SKU":
		return one(g.sku(), "")
	case "TRACK":
		return one(g.tracking(), "")
	case "PRICE":
		return one(g.price(lang), "")
	case "TIME":
		return one(g.clock(lang), "")
	case "VERSION":
		return one(g.version(), "")
	case "BADCARD":
		return one(g.card(false), "")
	case "BADIBAN":
		return one(g.iban(false), "")
	case "BADCPR":
		return one(g.badCPR(), "")
	case "BADCNID":
		return one(g.badCNID(), "")
	case "DATE":
		return one(g.plainDate(lang), "")
	case "INVOICE":
		return one(g.invoice(), "")
	case "PRODUCT":
		return one(g.product(lang), "")
	case "URLN":
		return one(g.helpURL(lang), "")
	case "CITY":
		return one(g.city(lang), "")
	case "QTY":
		return one(fmt.Sprint(1+g.r.IntN(6)), "")
	}
	return nil, fmt.Errorf("unknown slot {%s}", name)
}
