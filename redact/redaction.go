package redact

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Redact replaces the personal data in text with placeholders. When ph is
// nil each call numbers its placeholders afresh; pass the conversation's
// Placeholders to keep them stable across messages.
//
// Replacing a value can change what the words around another value mean
// (a cue that was 40 bytes away is now nearer); the redacted text is
// therefore read again, and what that finds is redacted too, so that
// redacting the result once more changes nothing.
func (r *Redactor) Redact(text string, ph *Placeholders) Result {
	return r.redactFound(text, r.Find(text), ph)
}

// redactFound replaces found (and the other places its values are
// written), then reads the result again until nothing new is found.
func (r *Redactor) redactFound(text string, found []Finding, ph *Placeholders) Result {
	if len(found) == 0 {
		return Result{Text: text}
	}
	if ph == nil {
		ph = NewPlaceholders()
	}
	found = withEchoes(text, found)
	all := found
	var steps [][]replacement // each pass's replacements, to map offsets back
	out := text
	for pass := 0; len(found) > 0; pass++ {
		var reps []replacement
		out, reps = replaceFindings(out, found, ph)
		steps = append(steps, reps)
		if pass == maxPasses-1 {
			break
		}
		if found = r.Find(out); len(found) > 0 {
			found = withEchoes(out, found)
			for _, f := range found {
				for k := len(steps) - 1; k >= 0; k-- {
					f.Start, f.End = mapBack(steps[k], f.Start, false), mapBack(steps[k], f.End, true)
				}
				all = append(all, f)
			}
		}
	}
	if len(steps) > 1 {
		slices.SortFunc(all, func(a, b Finding) int { return cmp.Compare(a.Start, b.Start) })
	}
	return Result{Text: out, Findings: all}
}

// withEchoes adds to found the other places where a found value is written
// again, as a whole word, in text: a phone number given twice, once after
// "call me on" and once alone, goes both times.
func withEchoes(text string, found []Finding) []Finding {
	n := len(found)
	for k := 0; k < n; k++ {
		f := found[k]
		v := text[f.Start:f.End]
		if len(v) < 4 || utf8.RuneCountInString(v) < 2 {
			continue
		}
		for off := 0; ; {
			i := strings.Index(text[off:], v)
			if i < 0 {
				break
			}
			i += off
			end := i + len(v)
			off = i + 1
			if i > 0 && isAlnum(text[i-1]) && isAlnum(v[0]) || end < len(text) && isAlnum(text[end]) && isAlnum(v[len(v)-1]) {
				continue // part of a longer word or number
			}
			free := true
			for _, g := range found {
				if i < g.End && g.Start < end {
					free = false
					break
				}
			}
			if free {
				found = append(found, Finding{Type: f.Type, Start: i, End: end, Score: f.Score, canon: f.canon})
				off = end
			}
		}
	}
	if len(found) > n {
		slices.SortFunc(found, func(a, b Finding) int { return cmp.Compare(a.Start, b.Start) })
	}
	return found
}

// maxPasses bounds how often Redact reads its own output again.
const maxPasses = 8

// replacement is one value replaced by its placeholder: [from, to) of the
// text before became [at, at+n) of the text after.
type replacement struct{ from, to, at, n int }

func replaceFindings(text string, found []Finding, ph *Placeholders) (string, []replacement) {
	var b strings.Builder
	b.Grow(len(text))
	reps := make([]replacement, 0, len(found))
	last := 0
	for _, f := range found {
		b.WriteString(text[last:f.Start])
		l := ph.label(f.Type, f.canon, text[f.Start:f.End])
		reps = append(reps, replacement{from: f.Start, to: f.End, at: b.Len(), n: len(l)})
		b.WriteString(l)
		last = f.End
	}
	b.WriteString(text[last:])
	return b.String(), reps
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
