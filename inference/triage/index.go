package triage

import "unicode/utf8"

// index finds the patterns that can start at a token.
type index struct {
	patterns []pattern
	exact    map[string][]int32 // first token -> patterns
	stem     map[string][]int32 // first stemKeyLen letters of a leading stem -> patterns
	fuzzy    []int32            // patterns that may start with a misspelt word
}

func newIndex() *index {
	return &index{exact: map[string][]int32{}, stem: map[string][]int32{}}
}

// add compiles src and indexes it under rule id.
func (x *index) add(src string, id int) error {
	p, err := compilePattern(src, id)
	if err != nil {
		return err
	}
	n := int32(len(x.patterns))
	x.patterns = append(x.patterns, p)
	seen := map[string]bool{}
	for w := range p.elems[0].words {
		if !seen["e"+w] {
			x.exact[w] = append(x.exact[w], n)
			seen["e"+w] = true
		}
	}
	for _, a := range p.elems[0].alts {
		first := a[0]
		if first.fuzzy && !seen["f"] {
			x.fuzzy = append(x.fuzzy, n)
			seen["f"] = true
		}
		if first.prefix && len(a) == 1 {
			key := stemKey(first.text)
			if !seen["s"+key] {
				x.stem[key] = append(x.stem[key], n)
				seen["s"+key] = true
			}
			continue
		}
		if !seen["e"+first.text] {
			x.exact[first.text] = append(x.exact[first.text], n)
			seen["e"+first.text] = true
		}
	}
	return nil
}

func stemKey(s string) string {
	n := 0
	for i := range s {
		if n == stemKeyLen {
			return s[:i]
		}
		n++
	}
	return s
}

// hit is one pattern matched at toks[start:end].
type hit struct {
	id         int
	start, end int
}

// scan appends every pattern match in toks to out.
func (x *index) scan(toks []token, out []hit) []hit {
	for i := range toks {
		out = x.scanAt(toks, i, x.exact[toks[i].text], out)
		n := utf8.RuneCountInString(toks[i].text)
		if n >= stemKeyLen {
			out = x.scanAt(toks, i, x.stem[stemKey(toks[i].text)], out)
		}
		if n >= minFuzzyLen-1 && len(x.fuzzy) > 0 {
			out = x.scanAt(toks, i, x.fuzzy, out)
		}
	}
	return out
}

func (x *index) scanAt(toks []token, i int, cands []int32, out []hit) []hit {
	for _, c := range cands {
		p := &x.patterns[c]
		if end, ok := p.match(toks, i); ok {
			out = append(out, hit{id: p.id, start: i, end: end})
		}
	}
	return out
}
