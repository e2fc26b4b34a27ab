package inference

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hushdesk/hushdesk/inference/catalog"
	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/redact"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

// redact redacts a customer's message, with the model-assisted pass for
// names when the redactor has one; when that model fails, the rules'
// redaction is used and the failure logged.
func (a *Assistant) redact(ctx context.Context, text string, ph *redact.Placeholders) redact.Result {
	res, err := a.parts.Redactor.RedactContext(ctx, text, ph)
	if err != nil {
		a.log.Warn("the name model failed; the message is redacted by the rules alone", "err", err)
	}
	return res
}

// redactStored redacts text the assistant wrote (or quoted) before it is
// stored, numbering values as the conversation does.
func (a *Assistant) redactStored(text string, ph *redact.Placeholders) string {
	if text == "" {
		return ""
	}
	res, _ := a.parts.Redactor.RedactContext(context.Background(), text, ph)
	return res.Text
}

var placeholderRE = regexp.MustCompile(`<[A-Z][A-Z_]*_[0-9]+>`)

// neverRestored are the types whose values are never put back into what
// the assistant writes: a card, an account or a national id is not
// repeated to whoever holds the conversation, even to its customer.
var neverRestored = map[redact.Type]bool{
	redact.CreditCard: true, redact.IBAN: true, redact.DKCPR: true, redact.CNResidentID: true,
	redact.MYNRIC: true, redact.HKID: true, redact.TWID: true, redact.USSSN: true, redact.UKNINO: true,
	redact.Passport: true, redact.DriverLicense: true, redact.NationalID: true,
}

// restorerFor returns the function that shows the customer their own
// values in the assistant's reply: only the values of this turn's message
// (question is its redacted text), and never those of the types in
// neverRestored. Placeholders of earlier turns, of documents, or that the
// model invented are shown as words in the customer's language ("[e-mail
// address]"): a customer never reads <EMAIL_1>.
//
// Values the answer's sources publish (a help article's own contact
// details, kept at ingest because it says public_contacts) are the
// company's and are shown as written.
func restorerFor(ph *redact.Placeholders, question string, l lang.Tag, sources []search.Passage) func(string) string {
	allowed := map[string]bool{}
	for _, label := range placeholderRE.FindAllString(question, -1) {
		if !neverRestored[labelType(label)] {
			allowed[label] = true
		}
	}
	for _, e := range ph.Entries(0) {
		if allowed[e.Label] || neverRestored[e.Type] || len(e.Value) < 4 {
			continue
		}
		for _, p := range sources {
			if strings.Contains(p.Text, e.Value) {
				allowed[e.Label] = true
				break
			}
		}
	}
	return func(s string) string {
		if !strings.Contains(s, "<") {
			return s
		}
		return placeholderRE.ReplaceAllStringFunc(s, func(label string) string {
			if allowed[label] {
				return ph.Restore(label)
			}
			return hidden(l, label)
		})
	}
}

// labelType is the type of a placeholder: <CREDIT_CARD_2> is a
// CREDIT_CARD.
func labelType(label string) redact.Type {
	return redact.Type(label[1:strings.LastIndexByte(label, '_')])
}

// Humanize writes the placeholders of a stored text as words in language
// l ("[e-mail address]", "[name]"), for a customer who reads it back.
func Humanize(l lang.Tag, s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	return placeholderRE.ReplaceAllStringFunc(s, func(label string) string { return hidden(l, label) })
}

// hidden is the word for a placeholder's value in language l.
func hidden(l lang.Tag, label string) string {
	t := labelType(label)
	for key, types := range hiddenWords {
		if slices.Contains(types, t) {
			return catalog.Text(l, key)
		}
	}
	return catalog.Text(l, "hidden.other")
}

// hiddenWords groups the types of personal data by the word a customer
// reads in their place.
var hiddenWords = map[catalog.Key][]redact.Type{
	"hidden.email":    {redact.Email},
	"hidden.phone":    {redact.Phone},
	"hidden.card":     {redact.CreditCard},
	"hidden.account":  {redact.IBAN},
	"hidden.id":       {redact.DKCPR, redact.CNResidentID, redact.MYNRIC, redact.HKID, redact.TWID, redact.USSSN, redact.UKNINO, redact.Passport, redact.DriverLicense, redact.NationalID},
	"hidden.address":  {redact.Address},
	"hidden.name":     {redact.Person},
	"hidden.date":     {redact.DateOfBirth},
	"hidden.link":     {redact.URL},
	"hidden.ip":       {redact.IPAddress},
	"hidden.location": {redact.Location},
}

// docHints are the ids and titles of retrieved passages, which help route
// a hand-off to the right team.
func docHints(ps []search.Passage) []string {
	out := make([]string, 0, 2*len(ps))
	for _, p := range ps {
		out = append(out, p.DocID, p.Title)
	}
	return out
}

// snippet shortens a passage for display: its words, one space between
// them, cut at a space before the 240th letter.
func snippet(s string) string {
	const long, shortest = 240, 180
	// For speed, only as much of the passage as the snippet can hold is
	// joined and turned into runes, not the whole passage.
	var b strings.Builder
	n := 0 // runes in b
	for w := range strings.FieldsSeq(s) {
		if n > long {
			break
		}
		if n > 0 {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += utf8.RuneCountInString(w)
	}
	if n <= long {
		return b.String()
	}
	r := []rune(b.String())
	cut := long
	for i := long; i > shortest; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return string(r[:cut]) + "…"
}

// ShowCustomer writes a stored text (an agent's reply, a canned
// response filled in) as its customer reads it: the values the customer
// gave in the conversation put back, except cards, accounts and national
// ids, and every other placeholder as a word in language l.
func ShowCustomer(ph *redact.Placeholders, l lang.Tag, s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	return placeholderRE.ReplaceAllStringFunc(s, func(label string) string {
		if !neverRestored[labelType(label)] {
			if v := ph.Restore(label); v != label {
				return v
			}
		}
		return hidden(l, label)
	})
}
