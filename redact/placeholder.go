package redact

import (
	"strconv"
	"strings"
	"sync"
)

// Placeholders numbers the values redacted within one conversation, so that
// the same value always gets the same placeholder (<EMAIL_1>), and remembers
// the values so the live reply can show customers their own data again.
//
// The mapping lives only in memory; it must never be stored or logged.
type Placeholders struct {
	mu      sync.Mutex
	entries []placeholder
	// The indexes are built once a conversation holds more than a few
	// values; below that a scan of entries is faster than a map.
	byKey   map[placeholderKey]int
	byLabel map[string]int
}

// placeholder is one value of the conversation and its label.
type placeholder struct {
	key          placeholderKey
	label, value string
}

// placeholderKey is a type and a canonical value.
type placeholderKey struct {
	t     Type
	canon string
}

// indexAbove is the number of values from which the indexes are kept.
const indexAbove = 8

// NewPlaceholders returns an empty mapping.
func NewPlaceholders() *Placeholders { return &Placeholders{} }

func (p *Placeholders) label(t Type, canon, value string) string {
	if canon == "" {
		canon = value
	}
	key := placeholderKey{t, canon}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.byKey != nil {
		if i, ok := p.byKey[key]; ok {
			return p.entries[i].label
		}
	} else {
		for _, e := range p.entries {
			if e.key == key {
				return e.label
			}
		}
	}
	n := 1
	for _, e := range p.entries {
		if e.key.t == t {
			n++
		}
	}
	l := labelOf(t, n)
	p.entries = append(p.entries, placeholder{key: key, label: l, value: value})
	switch {
	case p.byKey != nil:
		p.byKey[key] = len(p.entries) - 1
		p.byLabel[l] = len(p.entries) - 1
	case len(p.entries) > indexAbove:
		p.byKey = make(map[placeholderKey]int, 2*len(p.entries))
		p.byLabel = make(map[string]int, 2*len(p.entries))
		for i, e := range p.entries {
			p.byKey[e.key] = i
			p.byLabel[e.label] = i
		}
	}
	return l
}

// valueOf returns the value behind a placeholder; p.mu must be held.
func (p *Placeholders) valueOf(label string) (string, bool) {
	if p.byLabel != nil {
		i, ok := p.byLabel[label]
		if !ok {
			return "", false
		}
		return p.entries[i].value, true
	}
	for _, e := range p.entries {
		if e.label == label {
			return e.value, true
		}
	}
	return "", false
}

// labelOf returns the placeholder of the n-th value of type t: <EMAIL_2>.
// The first few of each type are made once, as most texts need no more.
func labelOf(t Type, n int) string {
	if n <= len(labelsByType[Email]) {
		if ls, ok := labelsByType[t]; ok {
			return ls[n-1]
		}
	}
	return "<" + string(t) + "_" + strconv.Itoa(n) + ">"
}

// labelsByType holds the first labels of every type.
var labelsByType = func() map[Type]*[8]string {
	m := make(map[Type]*[8]string)
	for _, t := range []Type{Email, Phone, CreditCard, IBAN, IPAddress, URL, DKCPR, CNResidentID, MYNRIC, HKID, TWID,
		USSSN, UKNINO, DateOfBirth, Address, Person, Location, DriverLicense, Passport, NationalID} {
		var ls [8]string
		for i := range ls {
			ls[i] = "<" + string(t) + "_" + strconv.Itoa(i+1) + ">"
		}
		m[t] = &ls
	}
	return m
}()

// Restore puts the original values back in place of this conversation's
// placeholders. Placeholders it does not know are left as they are.
func (p *Placeholders) Restore(text string) string {
	if p == nil || !strings.Contains(text, "<") {
		return text
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.entries) == 0 {
		return text
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(text, '<')
		if i < 0 {
			break
		}
		j := strings.IndexByte(text[i:], '>')
		if j < 0 {
			break
		}
		if v, ok := p.valueOf(text[i : i+j+1]); ok {
			b.WriteString(text[:i])
			b.WriteString(v)
		} else {
			b.WriteString(text[:i+1])
			text = text[i+1:]
			continue
		}
		text = text[i+j+1:]
	}
	b.WriteString(text)
	return b.String()
}

// Len reports how many distinct values the mapping holds.
func (p *Placeholders) Len() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.entries)
}

// RemovePlaceholders replaces every <TYPE_n> placeholder in text with a
// space: for search, where a placeholder is no evidence of a topic.
func RemovePlaceholders(text string) string {
	if !strings.Contains(text, "<") {
		return text
	}
	return stripPlaceholders(text)
}
