package policy

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ErrPattern reports a phrase pattern that cannot be compiled.
var ErrPattern = errors.New("bad pattern")

// A pattern is a sequence of elements separated by spaces:
//
//	talk|speak to|with ~3 human|person   alternatives, and a gap of 0 to 3 tokens
//	?a|an                                an optional element
//	idiot*                               a word beginning with "idiot"
//	talk_to                              "_" joins words inside one alternative
//	转人工                               Chinese is matched character by character
//	^agent$                              the clause is exactly this
//
// Matching is on lowercased, normalised tokens, within one clause.
type pattern struct {
	elems       []elem
	anchorStart bool
	id          int // index of the rule the pattern belongs to
}

type elem struct {
	alts      []alt
	opt       bool
	gap       int  // > 0: skip 0 to gap tokens
	anchorEnd bool // the clause ends here
}

type alt []ptok

type ptok struct {
	text   string
	prefix bool
}

// compilePattern parses one pattern. The first element must be a word or
// alternatives, not a gap or an optional element.
func compilePattern(src string, id int) (pattern, error) {
	p := pattern{id: id}
	fields := strings.Fields(src)
	if len(fields) == 0 {
		return p, fmt.Errorf("%w: empty", ErrPattern)
	}
	if strings.HasPrefix(fields[0], "^") {
		p.anchorStart = true
		fields[0] = fields[0][1:]
	}
	last := len(fields) - 1
	anchorEnd := false
	if strings.HasSuffix(fields[last], "$") {
		anchorEnd = true
		fields[last] = strings.TrimSuffix(fields[last], "$")
	}
	for i, f := range fields {
		if strings.HasPrefix(f, "~") {
			n, err := strconv.Atoi(f[1:])
			if err != nil || n < 1 || n > 12 || i == 0 || i == last {
				return p, fmt.Errorf("%w %q: gap %q", ErrPattern, src, f)
			}
			p.elems = append(p.elems, elem{gap: n})
			continue
		}
		e := elem{}
		if strings.HasPrefix(f, "?") {
			if i == 0 {
				return p, fmt.Errorf("%w %q: starts with an optional element", ErrPattern, src)
			}
			e.opt, f = true, f[1:]
		}
		for _, a := range strings.Split(f, "|") {
			al, err := compileAlt(a)
			if err != nil {
				return p, fmt.Errorf("%w %q: %w", ErrPattern, src, err)
			}
			if i == 0 && al[0].prefix && utf8.RuneCountInString(al[0].text) < stemKeyLen {
				return p, fmt.Errorf("%w %q: leading stem %q is shorter than %d letters", ErrPattern, src, a, stemKeyLen)
			}
			e.alts = append(e.alts, al)
		}
		p.elems = append(p.elems, e)
	}
	if anchorEnd {
		p.elems = append(p.elems, elem{anchorEnd: true})
	}
	return p, nil
}

// compileAlt turns one alternative into tokens, normalised like text.
func compileAlt(a string) (alt, error) {
	prefix := strings.HasSuffix(a, "*")
	a = strings.TrimSuffix(a, "*")
	toks := analyse(strings.ReplaceAll(a, "_", " ")).tokens
	if len(toks) == 0 {
		return nil, errors.New("empty alternative")
	}
	out := make(alt, len(toks))
	for i, t := range toks {
		out[i] = ptok{text: t.text}
	}
	out[len(out)-1].prefix = prefix
	return out, nil
}

// stemKeyLen is how many leading letters of a stem index it.
const stemKeyLen = 3

// matchAt tries an alternative at toks[i] and returns the index after it.
func (a alt) matchAt(toks []token, i, clause int) (int, bool) {
	for k, pt := range a {
		j := i + k
		if j >= len(toks) || toks[j].clause != clause {
			return 0, false
		}
		if pt.prefix && k == len(a)-1 {
			if !strings.HasPrefix(toks[j].text, pt.text) {
				return 0, false
			}
		} else if toks[j].text != pt.text {
			return 0, false
		}
	}
	return i + len(a), true
}

// match tries the pattern at toks[i] and returns the index after the match.
func (p *pattern) match(toks []token, i int) (int, bool) {
	clause := toks[i].clause
	if p.anchorStart && i > 0 && toks[i-1].clause == clause {
		return 0, false
	}
	end, ok := matchElems(toks, i, p.elems, clause)
	if !ok {
		return 0, false
	}
	// A spaced-script match must not sit inside a hyphenated word:
	// "human" does not match in "human-readable".
	if toks[i].joinPrev || (end < len(toks) && toks[end].joinPrev && toks[end].clause == clause && !toks[end-1].han) {
		return 0, false
	}
	return end, true
}

func matchElems(toks []token, i int, es []elem, clause int) (int, bool) {
	if len(es) == 0 {
		return i, true
	}
	e := es[0]
	switch {
	case e.anchorEnd:
		if i == len(toks) || toks[i].clause != clause {
			return i, true
		}
		return 0, false
	case e.gap > 0:
		for g := 0; g <= e.gap; g++ {
			j := i + g
			if j > len(toks) || (g > 0 && toks[j-1].clause != clause) {
				break
			}
			if end, ok := matchElems(toks, j, es[1:], clause); ok {
				return end, true
			}
		}
		return 0, false
	}
	for _, a := range e.alts {
		if j, ok := a.matchAt(toks, i, clause); ok {
			if end, ok := matchElems(toks, j, es[1:], clause); ok {
				return end, true
			}
		}
	}
	if e.opt {
		return matchElems(toks, i, es[1:], clause)
	}
	return 0, false
}

// index finds the patterns that can start at a token.
type index struct {
	patterns []pattern
	exact    map[string][]int32 // first token -> patterns
	stem     map[string][]int32 // first stemKeyLen letters of a leading stem -> patterns
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
	for _, a := range p.elems[0].alts {
		first := a[0]
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
		if utf8.RuneCountInString(toks[i].text) >= stemKeyLen {
			out = x.scanAt(toks, i, x.stem[stemKey(toks[i].text)], out)
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
