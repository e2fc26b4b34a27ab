package redact

import (
	"regexp/syntax"
	"slices"
)

// digitDFA is a regular expression compiled, for strings of ASCII digits
// only, to a deterministic automaton: a table lookup a digit, where the
// regexp package backtracks. The numbering plans' patterns are matched
// against every number a text holds, so this matters.
type digitDFA struct {
	next   [][10]int32 // the state after each digit; -1 when no match can follow
	accept []bool      // whether the input may end in the state
}

// maxDFAStates bounds the automaton; a pattern that needs more keeps the
// regexp.
const maxDFAStates = 4096

// match reports whether the digits s match the whole pattern (the pattern
// is anchored at both ends). ok is false when s holds another byte than a
// digit, which the automaton does not know.
func (d *digitDFA) match(s string) (matched, ok bool) {
	st := int32(0)
	for i := 0; i < len(s); i++ {
		c := s[i] - '0'
		if c > 9 {
			return false, false
		}
		if st = d.next[st][c]; st < 0 {
			return false, true
		}
	}
	return d.accept[st], true
}

// compileDigitDFA compiles pattern (with the regexp package's syntax) for
// digit strings, or returns nil when it uses what the automaton does not
// model (word boundaries) or needs too many states.
func compileDigitDFA(pattern string) *digitDFA {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return nil
	}
	b := dfaBuilder{prog: prog, ids: make(map[string]int32), d: &digitDFA{}, seen: make([]uint32, len(prog.Inst))}
	var start []uint32
	if !b.close(&start, uint32(prog.Start), true) {
		return nil
	}
	// The start state is never shared with a later one: the beginning of
	// the text holds only there.
	b.add(start, true)
	for i := 0; i < len(b.sets); i++ {
		for c := range 10 {
			var set []uint32
			for _, pc := range b.sets[i] {
				in := &prog.Inst[pc]
				switch in.Op {
				case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
					if in.MatchRune(rune('0'+c)) && !b.close(&set, in.Out, false) {
						return nil
					}
				}
			}
			id := int32(-1)
			if len(set) > 0 {
				if id = b.add(set, false); id < 0 {
					return nil
				}
			}
			b.d.next[i][c] = id
		}
	}
	return b.d
}

// dfaBuilder makes the states of a digitDFA by the subset construction.
type dfaBuilder struct {
	prog *syntax.Prog
	sets [][]uint32 // the instructions of each state: runes, matches, end-of-text checks
	ids  map[string]int32
	d    *digitDFA
	// seen[pc] == pass when closure has visited pc in this pass.
	seen []uint32
	pass uint32
}

// close is closure from pc, in a fresh pass.
func (b *dfaBuilder) close(set *[]uint32, pc uint32, atStart bool) bool {
	b.pass++
	return b.closure(set, pc, atStart)
}

// add returns the state of set, making it if new; -1 when there are too
// many.
func (b *dfaBuilder) add(set []uint32, initial bool) int32 {
	slices.Sort(set)
	set = slices.Compact(set)
	key := make([]byte, 0, 4*len(set)+1)
	if initial {
		key = append(key, 1)
	}
	for _, pc := range set {
		key = append(key, byte(pc), byte(pc>>8), byte(pc>>16), byte(pc>>24))
	}
	if id, ok := b.ids[string(key)]; ok && !initial {
		return id
	}
	if len(b.sets) >= maxDFAStates {
		return -1
	}
	id := int32(len(b.sets))
	b.ids[string(key)] = id
	b.sets = append(b.sets, set)
	b.d.next = append(b.d.next, [10]int32{})
	b.d.accept = append(b.d.accept, b.acceptsAtEnd(set, initial))
	return id
}

// closure adds to set the instructions reachable from pc without reading
// a digit, at the start of the text or not. It returns false for an
// instruction the automaton does not model.
func (b *dfaBuilder) closure(set *[]uint32, pc uint32, atStart bool) bool {
	if b.seen[pc] == b.pass {
		return true
	}
	b.seen[pc] = b.pass
	in := &b.prog.Inst[pc]
	switch in.Op {
	case syntax.InstAlt, syntax.InstAltMatch:
		return b.closure(set, in.Out, atStart) && b.closure(set, in.Arg, atStart)
	case syntax.InstCapture, syntax.InstNop:
		return b.closure(set, in.Out, atStart)
	case syntax.InstFail:
		return true
	case syntax.InstEmptyWidth:
		op := syntax.EmptyOp(in.Arg)
		if op&(syntax.EmptyWordBoundary|syntax.EmptyNoWordBoundary) != 0 {
			return false
		}
		if op&(syntax.EmptyBeginLine|syntax.EmptyBeginText) != 0 && !atStart {
			return true // cannot hold here
		}
		if op&(syntax.EmptyEndLine|syntax.EmptyEndText) != 0 {
			*set = append(*set, pc) // holds only if the text ends here
			return true
		}
		return b.closure(set, in.Out, atStart)
	}
	*set = append(*set, pc) // a rune or a match
	return true
}

// acceptsAtEnd reports whether a text ending in the state set matches.
func (b *dfaBuilder) acceptsAtEnd(set []uint32, atStart bool) bool {
	seen := make(map[uint32]bool)
	var reach func(pc uint32) bool
	reach = func(pc uint32) bool {
		if seen[pc] {
			return false
		}
		seen[pc] = true
		in := &b.prog.Inst[pc]
		switch in.Op {
		case syntax.InstMatch:
			return true
		case syntax.InstAlt, syntax.InstAltMatch:
			return reach(in.Out) || reach(in.Arg)
		case syntax.InstCapture, syntax.InstNop:
			return reach(in.Out)
		case syntax.InstEmptyWidth:
			op := syntax.EmptyOp(in.Arg)
			if op&(syntax.EmptyBeginLine|syntax.EmptyBeginText) != 0 && !atStart {
				return false
			}
			return reach(in.Out)
		}
		return false
	}
	for _, pc := range set {
		if reach(pc) {
			return true
		}
	}
	return false
}
