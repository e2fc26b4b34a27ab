package search

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// Danish writes compounds as one word ("returporto", "telefonnummer"),
// and a customer's compound is often not the article's: the article says
// "porto for returnering", or "telefon". A query word that no passage
// holds is split into two words that passages do hold, with or without
// the linking -s- or -e- between them ("levering-s-tid"), and its parts
// are searched too.

// minCompoundPart is the shortest part, in letters, a compound is split
// into: shorter ones are too often a piece of some unrelated word.
const minCompoundPart = 3

// splitCompound splits the query word whose stem is stem into two parts
// that passages hold, preferring the split whose shorter part is
// longest. It returns the parts' stems, or nil.
func (ix *Index) splitCompound(ctx context.Context, reader snapshot, a analysis.Analyzer, stem, text string) ([]string, error) {
	var ws wordStems
	return ix.splitWord(ctx, reader, a, ws.surface(a, stem, text))
}

// splitWord splits a word (lower case) into two parts that passages hold,
// preferring the split whose shorter part is longest. It returns the
// parts' stems, or nil.
func (ix *Index) splitWord(ctx context.Context, reader snapshot, a analysis.Analyzer, word string) ([]string, error) {
	rs := []rune(word)
	if len(rs) < 2*minCompoundPart {
		return nil, nil
	}
	var best []string
	bestLen := 0
	for i := minCompoundPart; i <= len(rs)-minCompoundPart; i++ {
		right := stemOf(a, string(rs[i:]))
		if right == "" {
			continue
		}
		// For speed: whether passages hold the right part is looked up
		// once, and before the left part is analysed (an analysis per
		// form); most right parts are held by none, and the split needs
		// both held, so the outcome is the same.
		rightHeld, looked := false, false
		for _, left := range linkForms(string(rs[:i])) {
			short := min(utf8.RuneCountInString(left), len(rs)-i)
			if short <= bestLen {
				continue
			}
			if !looked {
				ok, err := ix.heldByPassages(ctx, reader, right)
				if err != nil {
					return nil, err
				}
				rightHeld, looked = ok, true
			}
			if !rightHeld {
				break
			}
			l := stemOf(a, left)
			if l == "" {
				continue
			}
			ok, err := ix.heldByPassages(ctx, reader, l)
			if err != nil {
				return nil, err
			}
			if ok {
				best, bestLen = []string{l, right}, short
			}
		}
	}
	return best, nil
}

// linkForms are the first part of a compound as written and, when it
// ends in a linking -s- or -e-, without it.
func linkForms(left string) []string {
	out := []string{left}
	if len([]rune(left)) > minCompoundPart && (strings.HasSuffix(left, "s") || strings.HasSuffix(left, "e")) {
		out = append(out, left[:len(left)-1])
	}
	return out
}

// heldByPassages reports whether Danish passages hold every term.
func (ix *Index) heldByPassages(ctx context.Context, reader snapshot, terms ...string) (bool, error) {
	for _, t := range terms {
		df, err := ix.dfs.docFreq(ctx, reader, "da", t)
		if err != nil || df == 0 {
			return false, err
		}
	}
	return true, nil
}

// stemOf is a word's analysed form, or "" when the analyzer drops it (a
// stop word) or makes several terms of it.
func stemOf(a analysis.Analyzer, word string) string {
	toks := a.Analyze([]byte(word))
	if len(toks) != 1 {
		return ""
	}
	return string(toks[0].Term)
}

// wordStems are the lower-case words of a query's text and, as far as
// they have been asked for, their stems in one family. For speed, a
// query's words are analysed once however many of them are looked up
// (every word no Danish passage holds is, to split it).
type wordStems struct {
	read  bool
	words []string
	stems []string
}

// surface is the word of text that the analyzer makes stem of, in lower
// case, or "". Each word of text is analysed at most once over the calls
// with the same wordStems (which are for one analyzer and one text).
func (ws *wordStems) surface(a analysis.Analyzer, stem, text string) string {
	if !ws.read {
		ws.words, ws.read = lowerWords(text), true
	}
	for i, w := range ws.words {
		if i == len(ws.stems) {
			ws.stems = append(ws.stems, stemOf(a, w))
		}
		if ws.stems[i] == stem {
			return w
		}
	}
	return ""
}
