package redact

import (
	"cmp"
	"slices"
	"strings"
)

// cueSet is a list of cue words indexed by their first byte, so that one
// pass over a short context finds the last cue in it.
type cueSet struct {
	words  []string // sorted by their first byte
	index  cueIndex
	starts cueStarts
}

func newCueSet(words ...string) *cueSet {
	c := &cueSet{words: slices.Clone(words)}
	slices.SortStableFunc(c.words, func(a, b string) int { return cmp.Compare(a[0], b[0]) })
	for i, w := range c.words {
		c.index.add(w[0], i)
		c.starts.add(w)
	}
	return c
}

// cueIndex gives the range of a sorted list of cues that start with a
// byte: list[index[b]:index[b+1]], once every cue was added in order.
type cueIndex [257]uint16

func (x *cueIndex) add(first byte, i int) {
	for b := int(first) + 1; b <= 256; b++ {
		x[b] = uint16(i + 1)
	}
}

// cueStarts is the set of the first bytes of a list of cues, with bits of
// their second bytes, to pass over most places in a text without looking
// at the cues.
type cueStarts struct {
	second [256]uint64 // by first byte: bit b%64 for a second byte b
	single [4]uint64   // the bytes of the one-byte cues
}

func (c *cueStarts) add(w string) {
	if len(w) == 1 {
		c.single[w[0]/64] |= 1 << (w[0] % 64)
		return
	}
	c.second[w[0]] |= 1 << (w[1] % 64)
}

// may reports whether a cue may start at s[i].
func (c *cueStarts) may(s string, i int) bool {
	if c.single[s[i]/64]&(1<<(s[i]%64)) != 0 {
		return true
	}
	return i+1 < len(s) && c.second[s[i]]&(1<<(s[i+1]%64)) != 0
}

// last returns the offset of the last cue in s that starts a word (a cue
// in Latin letters must not be the tail of another word), or -1.
func (c *cueSet) last(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if i = cueStartBefore(s, i); i < 0 {
			break
		}
		if !c.starts.may(s, i) {
			continue
		}
		for _, w := range c.words[c.index[s[i]]:c.index[int(s[i])+1]] {
			if hasCueAt(s, i, w) {
				return i
			}
		}
	}
	return -1
}

// cueStartBefore returns the last offset at or before i where a cue may
// start, or -1: not inside a word (a letter or digit after another, or
// after a letter of a script written with spaces).
func cueStartBefore(s string, i int) int {
	for ; i >= 0; i-- {
		if !alnum[s[i]] {
			return i
		}
		for i > 0 && alnum[s[i-1]] {
			i--
		}
		if i == 0 || s[i-1] < 0x80 || !latinLetterBefore(s, i) {
			return i
		}
	}
	return -1
}

// alnum marks the ASCII letters and digits.
var alnum = func() (m [256]bool) {
	for c := range m {
		m[c] = isAlnum(byte(c))
	}
	return m
}()

// hasCueAt reports whether s continues at i with w, whose first byte is
// s[i]: the second byte is compared before the rest.
func hasCueAt(s string, i int, w string) bool {
	return len(w) <= len(s)-i && (len(w) == 1 || s[i+1] == w[1]) && s[i:i+len(w)] == w
}

// has reports whether s holds any cue of the set.
func (c *cueSet) has(s string) bool { return c.last(s) >= 0 }

// suffixCues is a list of cue phrases indexed by their last word, for
// asking whether the text before a word ends with one of them.
type suffixCues map[string][]string

// newSuffixCues indexes phrases by their last word, words cut at spaces.
func newSuffixCues(phrases ...string) suffixCues { return suffixCuesBy(" ", phrases) }

// newWordSuffixCues is newSuffixCues keyed by the last word as the scan
// cuts words, at an apostrophe too: "i'm" under "m", "it's" under "s".
func newWordSuffixCues(phrases ...string) suffixCues { return suffixCuesBy(" '", phrases) }

// suffixCuesBy keys each phrase by what follows the last of seps in it.
func suffixCuesBy(seps string, phrases []string) suffixCues {
	m := make(suffixCues)
	for _, p := range phrases {
		key := strings.TrimRight(p, ":")
		if i := strings.LastIndexAny(key, seps); i >= 0 {
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
	cues   []groupedCue // sorted by their first byte
	index  cueIndex
	starts cueStarts
	n      int
}

type groupedCue struct {
	word  string
	group int
}

func newCueGroups(sets ...[]string) *cueGroups {
	g := &cueGroups{n: len(sets)}
	for i, set := range sets {
		for _, w := range set {
			g.cues = append(g.cues, groupedCue{w, i})
		}
	}
	slices.SortStableFunc(g.cues, func(a, b groupedCue) int { return cmp.Compare(a.word[0], b.word[0]) })
	for i, c := range g.cues {
		g.index.add(c.word[0], i)
		g.starts.add(c.word)
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
		if i = cueStartBefore(s, i); i < 0 {
			break
		}
		if !g.starts.may(s, i) {
			continue
		}
		for _, c := range g.cues[g.index[s[i]]:g.index[int(s[i])+1]] {
			if last[c.group] < 0 && hasCueAt(s, i, c.word) {
				last[c.group] = i
				missing--
			}
		}
	}
}
