package redact

import "strings"

// maxPasses bounds how often Redact reads its own output again.
const maxPasses = 8

// replacement is one value replaced by its placeholder: [from, to) of the
// text before became [at, at+n) of the text after.
type replacement struct{ from, to, at, n int }

// replaceFindings returns text with every finding replaced by its
// placeholder, from ph or, when ph is nil, from own; ok is false when own
// has no room for the values. The placeholders are appended to ls.
func replaceFindings(text string, found []Finding, ph *Placeholders, own *ownNumbering, ls []string) (_ string, labels []string, ok bool) {
	n := len(text)
	for _, f := range found {
		var l string
		if ph != nil {
			l = ph.label(f.Type, f.canon, text[f.Start:f.End])
		} else if l, ok = own.label(f.Type, f.canon, text[f.Start:f.End]); !ok {
			return "", ls, false
		}
		ls = append(ls, l)
		n += len(l) - (f.End - f.Start)
	}
	var b strings.Builder
	b.Grow(n)
	last := 0
	for i, f := range found {
		b.WriteString(text[last:f.Start])
		b.WriteString(ls[len(ls)-len(found)+i])
		last = f.End
	}
	b.WriteString(text[last:])
	return b.String(), ls, true
}

// ownNumbering numbers the placeholders of a text redacted without a
// conversation's Placeholders, as a new Placeholders would, without
// allocating: a text rarely has more than a few values.
type ownNumbering struct {
	keys   [8]placeholderKey
	labels [8]string
	n      int
}

// label is Placeholders.label; ok is false when there is no more room.
func (o *ownNumbering) label(t Type, canon, value string) (_ string, ok bool) {
	if canon == "" {
		canon = value
	}
	key := placeholderKey{t, canon}
	same := 1
	for i := range o.n {
		if o.keys[i] == key {
			return o.labels[i], true
		}
		if o.keys[i].t == t {
			same++
		}
	}
	if o.n == len(o.keys) {
		return "", false
	}
	l := labelOf(t, same)
	o.keys[o.n], o.labels[o.n] = key, l
	o.n++
	return l, true
}

// replacementsOf returns where replaceFindings put each placeholder; the
// values already have their labels in ph.
func replacementsOf(text string, found []Finding, ph *Placeholders) []replacement {
	reps := make([]replacement, 0, len(found))
	at, last := 0, 0
	for _, f := range found {
		at += f.Start - last
		l := ph.label(f.Type, f.canon, text[f.Start:f.End])
		reps = append(reps, replacement{from: f.Start, to: f.End, at: at, n: len(l)})
		at += len(l)
		last = f.End
	}
	return reps
}

// mapBack maps an offset of the text after the replacements to the text
// before them. An offset inside a placeholder maps to the start (or, for
// an end offset, the end) of the value it replaced.
func mapBack(reps []replacement, i int, end bool) int {
	delta := 0
	for _, r := range reps {
		before := i < r.at || end && i == r.at
		switch {
		case before:
			return i - delta
		case i < r.at+r.n || end && i == r.at+r.n:
			if end {
				return r.to
			}
			return r.from
		}
		delta = r.at + r.n - r.to
	}
	return i - delta
}
