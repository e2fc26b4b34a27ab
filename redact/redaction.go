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
	if text == "" {
		return Result{Text: text}
	}
	s, n := scanText(text)
	res := r.redactFound(text, r.findIn(s, n), ph, s, n)
	s.release()
	return res
}

// redactFound replaces found (and the other places its values are
// written), then reads the result again until nothing new is found.
//
// The second reading usually finds nothing, and is made cheaply: without
// building findings and, when the caller passes the scan of text (s, read
// as n), with the scan of the result made from it (see scan.rescan). Only
// when it does find something are the passes repeated, with the offsets
// mapped back to text.
func (r *Redactor) redactFound(text string, found []Finding, ph *Placeholders, s *scan, n normalized) Result {
	if len(found) == 0 {
		return Result{Text: text}
	}
	found = withEchoes(text, found)
	var own ownNumbering // the numbering when ph is nil, if it fits
	var room [8]string
	out, labels, ok := replaceFindings(text, found, ph, &own, room[:0])
	if !ok {
		ph = NewPlaceholders()
		out, labels, _ = replaceFindings(text, found, ph, nil, room[:0])
	}
	var again bool
	if d, dn, ok := s.rescan(text, out, found, labels, n); ok {
		again = r.anyIn(d, dn)
		d.release()
	} else {
		again = r.findsAny(out)
	}
	if !again {
		return Result{Text: out, Findings: found}
	}
	if ph == nil {
		ph = NewPlaceholders() // numbers the values of found as own did
	}
	all := found
	steps := [][]replacement{replacementsOf(text, found, ph)} // to map offsets back
	for pass := 1; pass < maxPasses; pass++ {
		if found = r.Find(out); len(found) == 0 {
			break
		}
		found = withEchoes(out, found)
		for _, f := range found {
			for k := len(steps) - 1; k >= 0; k-- {
				f.Start, f.End = mapBack(steps[k], f.Start, false), mapBack(steps[k], f.End, true)
			}
			all = append(all, f)
		}
		if pass < maxPasses-1 {
			steps = append(steps, replacementsOf(out, found, ph))
		}
		out, _, _ = replaceFindings(out, found, ph, nil, room[:0])
	}
	slices.SortFunc(all, func(a, b Finding) int { return cmp.Compare(a.Start, b.Start) })
	return Result{Text: out, Findings: all}
}

// withEchoes adds to found the other places where a found value is written
// again, as a whole word, in text: a phone number given twice, once after
// "call me on" and once alone, goes both times.
//
// Each value is looked for once, and the places already taken are marked
// in one pass, so that a text with many findings costs time in proportion
// to its length, not to the square of its findings.
func withEchoes(text string, found []Finding) []Finding {
	n := len(found)
	var covered []bool // the bytes inside a finding, made on the first echo candidate
	var seen map[string]bool
	for k := 0; k < n; k++ {
		f := found[k]
		v := text[f.Start:f.End]
		if len(v) < 4 || utf8.RuneCountInString(v) < 2 {
			continue
		}
		if seen[v] {
			continue // its other places were looked at with the first
		}
		if seen == nil {
			seen = make(map[string]bool)
		}
		seen[v] = true
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
			if i == f.Start {
				continue // the finding itself
			}
			if covered == nil {
				covered = make([]bool, len(text))
				for _, g := range found {
					for x := g.Start; x < g.End; x++ {
						covered[x] = true
					}
				}
			}
			free := true
			for x := i; x < end; x++ {
				if covered[x] {
					free = false
					break
				}
			}
			if free {
				found = append(found, Finding{Type: f.Type, Start: i, End: end, Score: f.Score, canon: f.canon})
				for x := i; x < end; x++ {
					covered[x] = true
				}
				off = end
			}
		}
	}
	if len(found) > n {
		slices.SortFunc(found, func(a, b Finding) int { return cmp.Compare(a.Start, b.Start) })
	}
	return found
}
