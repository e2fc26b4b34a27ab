package redact

import (
	"sort"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// rescan returns the scan of out (text with the findings found replaced
// by labels), made from s, the scan of text, rather than by reading out
// afresh: the words outside the findings keep their lower case, their
// lexicon flags and their marks, and move by the difference in length of
// the placeholders. n is the normal form of text that s read.
//
// That is the scan reading out would make when the reading of the words
// kept cannot have depended on what was replaced: no finding cuts a word,
// the word before a finding ends before it at a plain separator (so that
// its end was decided without looking into the finding), and the text
// has no placeholder of its own (whose recognition looks ahead). ok is
// false otherwise, and the caller reads out afresh.
func (s *scan) rescan(text, out string, found []Finding, labels []string, n normalized) (d *scan, dn normalized, ok bool) {
	if s == nil || len(found) > 32 || strings.IndexByte(s.text, '<') >= 0 || n.orig != nil && !utf8.ValidString(text) {
		return nil, normalized{}, false
	}
	var room [32]span
	spans := room[:0]
	for i, f := range found {
		a, b := f.Start, f.End
		if n.orig != nil { // the finding's image in the normal form
			a, b = sort.SearchInts(n.orig, a), sort.SearchInts(n.orig, b)
		}
		if !isPlaceholder(labels[i]) {
			return nil, normalized{}, false
		}
		spans = append(spans, span{a, b})
	}
	d = scans.Get().(*scan)
	if !d.rescanOf(s, spans, labels, n.orig != nil) {
		d.release()
		return nil, normalized{}, false
	}
	if n.orig == nil {
		d.text = out
	}
	return d, normalized{text: d.text}, true
}

// rescanOf fills d with the scan of the text of s with spans replaced by
// labels (see rescan), reporting whether it could. It makes d's text only
// when asked to (when the caller has no copy of it).
func (d *scan) rescanOf(s *scan, spans []span, labels []string, makeText bool) bool {
	t := s.text
	d.found = d.found[:0]
	words, flags := d.words[:0], d.flags[:0]
	lb, tb := d.lowerBuf[:0], d.normBuf[:0]
	var has wordKinds
	var marks wordMarks
	caseless := true
	keep := func(k, delta int) {
		w := s.words[k]
		w.start += delta
		w.end += delta
		words = append(words, w)
		flags = append(flags, s.flags[k])
		has |= kindBit[w.kind]
		if w.cap {
			has |= hasCap
		}
		caseless = caseless && !w.hasUpper
		marks |= w.marks
	}
	k, prev, delta := 0, 0, 0
	for i, sp := range spans {
		a, b := sp.start, sp.end
		kept := -1 // the last word kept before a
		for ; k < len(s.words) && s.words[k].end <= a; k++ {
			if s.words[k].start >= prev {
				keep(k, delta)
				kept = k
			}
		}
		if kept >= 0 && s.words[kept].kind != wCJK {
			if e := s.words[kept].end; e == a || !plainSeparator(t, e) {
				return false
			}
		}
		// No word may straddle either end of the span.
		if k < len(s.words) && s.words[k].start < a {
			return false
		}
		for ; k < len(s.words) && s.words[k].start < b; k++ {
			if s.words[k].end > b {
				return false
			}
		}
		// The placeholder is blank in the lower-case copy.
		l := labels[i]
		lb = append(lb, s.lower[prev:a]...)
		for range len(l) {
			lb = append(lb, ' ')
		}
		if makeText {
			tb = append(tb, t[prev:a]...)
			tb = append(tb, l...)
		}
		delta += len(l) - (b - a)
		prev = b
	}
	for ; k < len(s.words); k++ {
		keep(k, delta)
	}
	lb = append(lb, s.lower[prev:]...)
	d.words, d.flags, d.lowerBuf = words, flags, lb
	d.lower = unsafe.String(unsafe.SliceData(lb), len(lb))
	if makeText {
		tb = append(tb, t[prev:]...)
		d.normBuf = tb
		d.text = unsafe.String(unsafe.SliceData(tb), len(tb))
	}
	d.caseless, d.has, d.marks = caseless, has, marks
	d.placeholders = s.placeholders || len(spans) > 0
	d.cuesAt = 0
	return true
}

// plainSeparator reports whether the byte or rune at t[e], just after a
// word, ends it without the reader looking further: not an apostrophe, a
// hyphen or a right single quotation mark, which can join two words, and
// not the start of a placeholder.
func plainSeparator(t string, e int) bool {
	c := t[e]
	if c < utf8.RuneSelf {
		return !alnum[c] && c != '\'' && c != '-' && c != '<'
	}
	r, _ := decodeRune(t, e)
	return r != '’'
}
