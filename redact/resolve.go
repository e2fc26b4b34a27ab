package redact

import (
	"cmp"
	"slices"
	"unicode"
	"unicode/utf8"
)

// prose reports whether findings of type t are stretches of ordinary words
// (names, addresses, places) rather than one structured value.
func (t Type) prose() bool { return t == Person || t == Address || t == Location }

// resolve turns candidate findings into the reported ones: those scoring
// at least min, sorted and not overlapping. Structured values (numbers,
// addresses of mail and of networks) go first, then names, addresses and
// places; among overlapping findings of one kind the highest score wins
// (then the longest, then the earliest). A prose finding that loses keeps
// the parts outside the winner, so that nothing it covered is left in
// clear, and one that lies wholly inside a longer prose finding gives way
// to it.
//
// Findings are resolved per cluster of overlapping ones, so the work stays
// close to linear however many findings a text has.
func resolve(text string, found []Finding, min float64) []Finding {
	return resolveInto(nil, text, found, min)
}

// resolveInto is resolve appending the findings it keeps to dst (which
// must not share memory with found).
func resolveInto(dst []Finding, text string, found []Finding, min float64) []Finding {
	cands := found[:0]
	for _, f := range found {
		if f.Score >= min && f.End > f.Start {
			cands = append(cands, f)
		}
	}
	if len(cands) < 2 {
		return append(dst, cands...)
	}
	slices.SortFunc(cands, func(a, b Finding) int {
		if a.Start != b.Start {
			return cmp.Compare(a.Start, b.Start)
		}
		return cmp.Compare(b.End, a.End)
	})
	cands = dropContainedProse(cands)
	out := dst
	for i := 0; i < len(cands); {
		j, end := i+1, cands[i].End
		for j < len(cands) && cands[j].Start < end {
			end = max(end, cands[j].End)
			j++
		}
		if j == i+1 {
			out = append(out, cands[i])
		} else {
			out = append(out, resolveCluster(text, slices.Clone(cands[i:j]))...)
		}
		i = j
	}
	return out
}

// resolveCluster resolves findings that overlap one another, directly or
// through others, and returns the kept ones sorted by position.
func resolveCluster(text string, cands []Finding) []Finding {
	slices.SortFunc(cands, func(a, b Finding) int {
		// A validated value is placed before the names and addresses
		// around it, which then keep the parts outside it.
		if ap, bp := a.Type.prose(), b.Type.prose(); ap != bp {
			if ap {
				return 1
			}
			return -1
		}
		if a.Score != b.Score {
			return cmp.Compare(b.Score, a.Score)
		}
		if la, lb := a.End-a.Start, b.End-b.Start; la != lb {
			return cmp.Compare(lb, la)
		}
		return cmp.Compare(a.Start, b.Start)
	})
	kept := make([]Finding, 0, len(cands))
	for _, f := range cands {
		pieces := []Finding{f}
		for _, k := range kept {
			var next []Finding
			for _, p := range pieces {
				switch {
				case p.End <= k.Start || k.End <= p.Start:
					next = append(next, p)
				case f.Type.prose():
					if p.Start < k.Start {
						next = append(next, Finding{Type: p.Type, Start: p.Start, End: k.Start, Score: p.Score})
					}
					if k.End < p.End {
						next = append(next, Finding{Type: p.Type, Start: k.End, End: p.End, Score: p.Score})
					}
				}
			}
			pieces = next
		}
		for _, p := range pieces {
			whole := p.Start == f.Start && p.End == f.End
			if whole {
				p.canon = f.canon
			} else {
				// A part left outside the winner keeps no space at its
				// edges: "<PERSON_1> <PERSON_2>", not "<PERSON_1><PERSON_2>".
				for p.Start < p.End && (text[p.Start] == ' ' || text[p.Start] == '\t') {
					p.Start++
				}
				for p.End > p.Start && (text[p.End-1] == ' ' || text[p.End-1] == '\t') {
					p.End--
				}
			}
			if whole || hasWordChar(text[p.Start:p.End]) {
				kept = append(kept, p)
			}
		}
	}
	slices.SortFunc(kept, func(a, b Finding) int { return cmp.Compare(a.Start, b.Start) })
	return kept
}

// dropContainedProse removes prose findings that lie inside a longer prose
// finding: a name that is part of a street name, say. cands must be sorted
// by start, longest first.
func dropContainedProse(cands []Finding) []Finding {
	out := cands[:0]
	maxEnd, maxStart := -1, -1 // the prose finding reaching furthest so far
	for _, f := range cands {
		if f.Type.prose() {
			if maxEnd > f.End || maxEnd == f.End && maxStart < f.Start {
				continue
			}
			if f.End > maxEnd {
				maxEnd, maxStart = f.End, f.Start
			}
		}
		out = append(out, f)
	}
	return out
}

func hasWordChar(s string) bool {
	for _, r := range s {
		if r < utf8.RuneSelf && isAlnum(byte(r)) || r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return true
		}
	}
	return false
}
