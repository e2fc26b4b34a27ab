package redact

import "strings"

// cueSet is a list of cue words indexed by their first byte, so that one
// pass over a short context finds the last cue in it.
type cueSet struct {
	byFirst [256][]string
}

func newCueSet(words ...string) *cueSet {
	c := &cueSet{}
	for _, w := range words {
		c.byFirst[w[0]] = append(c.byFirst[w[0]], w)
	}
	return c
}

// last returns the offset of the last cue in s that starts a word (a cue
// in Latin letters must not be the tail of another word), or -1.
func (c *cueSet) last(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		list := c.byFirst[s[i]]
		if len(list) == 0 {
			continue
		}
		if isAlnum(s[i]) && i > 0 && (isAlnum(s[i-1]) || s[i-1] >= 0x80 && latinLetterBefore(s, i)) {
			continue
		}
		for _, w := range list {
			if strings.HasPrefix(s[i:], w) {
				return i
			}
		}
	}
	return -1
}

// has reports whether s holds any cue of the set.
func (c *cueSet) has(s string) bool { return c.last(s) >= 0 }

// suffixCues is a list of cue phrases indexed by their last word, for
// asking whether the text before a word ends with one of them.
type suffixCues map[string][]string

func newSuffixCues(phrases ...string) suffixCues {
	m := make(suffixCues)
	for _, p := range phrases {
		key := strings.TrimRight(p, ":")
		if i := strings.LastIndexByte(key, ' '); i >= 0 {
			key = key[i+1:]
		}
		m[key] = append(m[key], p)
	}
	return m
}

// endsCtx reports whether ctx ends with one of the phrases whose last word
// is last.
func (m suffixCues) endsCtx(ctx, last string) bool {
	for _, p := range m[last] {
		if hasWordSuffix(ctx, p) {
			return true
		}
	}
	return false
}

// cueGroups are several cue sets read in one pass: lastEach returns, for
// each set, the offset of its last cue in s (or -1).
type cueGroups struct {
	byFirst [256][]groupedCue
	n       int
}

type groupedCue struct {
	word  string
	group int
}

func newCueGroups(sets ...[]string) *cueGroups {
	g := &cueGroups{n: len(sets)}
	for i, set := range sets {
		for _, w := range set {
			g.byFirst[w[0]] = append(g.byFirst[w[0]], groupedCue{w, i})
		}
	}
	return g
}

// lastEach fills last[i] with the offset of the last cue of set i in s.
func (g *cueGroups) lastEach(s string, last []int) {
	for i := range last {
		last[i] = -1
	}
	missing := g.n
	for i := len(s) - 1; i >= 0 && missing > 0; i-- {
		list := g.byFirst[s[i]]
		if len(list) == 0 {
			continue
		}
		if isAlnum(s[i]) && i > 0 && (isAlnum(s[i-1]) || s[i-1] >= 0x80 && latinLetterBefore(s, i)) {
			continue
		}
		for _, c := range list {
			if last[c.group] < 0 && strings.HasPrefix(s[i:], c.word) {
				last[c.group] = i
				missing--
			}
		}
	}
}
