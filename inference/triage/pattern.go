package triage

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/retrieval/fuzzy"
)

// ErrPattern reports a phrase pattern that cannot be compiled.
var ErrPattern = errors.New("bad pattern")

// A pattern is a sequence of elements separated by spaces:
//
//	talk|speak to|with ~3 human|person   alternatives, and a gap of 0 to 3 tokens
//	?a|an                                an optional element
//	idiot*                               a word beginning with "idiot"
//	talk_to                              "_" joins words inside one alternative
//	%human                               "human" or a word one edit away ("humna")
//	%customer_%service                   each word of a phrase may be one edit away
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
	alts []alt
	// words holds the alternatives that are one plain word, when there
	// are many: a lookup instead of a comparison with each.
	words     map[string]struct{}
	opt       bool
	gap       int  // > 0: skip 0 to gap tokens
	anchorEnd bool // the clause ends here
}

type alt []ptok

type ptok struct {
	text   string
	prefix bool
	fuzzy  bool // also match a word one edit away (see oneEdit)
	// near is the automaton of the words one edit from text, for a
	// fuzzy word.
	near *fuzzy.Automaton
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
		for _, a := range withoutMarks(strings.Split(f, "|")) {
			al, err := compileAlt(a)
			if err != nil {
				return p, fmt.Errorf("%w %q: %w", ErrPattern, src, err)
			}
			if i == 0 && al[0].prefix && utf8.RuneCountInString(al[0].text) < stemKeyLen {
				return p, fmt.Errorf("%w %q: leading stem %q is shorter than %d letters", ErrPattern, src, a, stemKeyLen)
			}
			e.alts = append(e.alts, al)
		}
		e.indexWords()
		p.elems = append(p.elems, e)
	}
	if anchorEnd {
		p.elems = append(p.elems, elem{anchorEnd: true})
	}
	return p, nil
}

// withoutMarks adds to a pattern's alternatives their spellings without
// æ, ø and å ("død" as "doed" and "dod", "sagsøge" as "sagsoege"), as
// Danish is typed on keyboards without them: the words of the lexicons
// are written once, as the language writes them.
func withoutMarks(alts []string) []string {
	out := alts
	for _, a := range alts {
		for _, v := range lang.WithoutMarks(a) {
			if !slices.Contains(out, v) {
				if len(out) == len(alts) {
					out = slices.Clone(alts)
				}
				out = append(out, v)
			}
		}
	}
	return out
}

// minWordSet is how many plain-word alternatives an element needs before
// they are looked up in a set.
const minWordSet = 6

// indexWords moves an element's plain-word alternatives into a set when
// there are enough of them.
func (e *elem) indexWords() {
	n := 0
	for _, a := range e.alts {
		if len(a) == 1 && !a[0].prefix && !a[0].fuzzy {
			n++
		}
	}
	if n < minWordSet {
		return
	}
	e.words = make(map[string]struct{}, n)
	rest := e.alts[:0]
	for _, a := range e.alts {
		if len(a) == 1 && !a[0].prefix && !a[0].fuzzy {
			e.words[a[0].text] = struct{}{}
		} else {
			rest = append(rest, a)
		}
	}
	e.alts = rest
}

// compileAlt turns one alternative into tokens, normalised like text. In
// an alternative of several words, each word of minFuzzyLen letters or
// more may be fuzzy: "%customer_%service" matches "custmer servise".
func compileAlt(a string) (alt, error) {
	if strings.Contains(a, "_") && strings.Contains(a, "%") {
		var out alt
		words := strings.Split(a, "_")
		for i, w := range words {
			part, err := compileAlt(w)
			if err != nil {
				return nil, err
			}
			if i < len(words)-1 && part[len(part)-1].prefix {
				return nil, fmt.Errorf("stem inside the phrase %q", a)
			}
			out = append(out, part...)
		}
		return out, nil
	}
	fuzzy := strings.HasPrefix(a, "%")
	a = strings.TrimPrefix(a, "%")
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
	if fuzzy {
		if len(toks) > 1 || prefix || toks[0].han || utf8.RuneCountInString(toks[0].text) < minFuzzyLen {
			return nil, fmt.Errorf("fuzzy %q must be one word of %d letters or more, without a stem", a, minFuzzyLen)
		}
		out[0].fuzzy = true
		out[0].near = oneEditFrom(out[0].text)
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
		switch {
		case pt.prefix && k == len(a)-1:
			if !strings.HasPrefix(toks[j].text, pt.text) {
				return 0, false
			}
		case pt.fuzzy:
			if toks[j].text != pt.text && !nearWord(pt.near, pt.text, toks[j].text) {
				return 0, false
			}
		case toks[j].text != pt.text:
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
	if e.words != nil && i < len(toks) && toks[i].clause == clause {
		if _, ok := e.words[toks[i].text]; ok {
			if end, ok := matchElems(toks, i+1, es[1:], clause); ok {
				return end, true
			}
		}
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
