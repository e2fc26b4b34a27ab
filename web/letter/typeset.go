package letter

import (
	"strings"
	"unicode"
)

// The typesetter: it breaks a text into lines of a given width, choosing
// each character's font, and breaks Chinese between any two characters
// (but not before a closing mark, nor after an opening one) and other
// scripts at spaces. It measures with the fonts' own widths and draws
// nothing, so that a block's height is known before it is placed.

// ptMM is one typographic point in millimetres.
const ptMM = 25.4 / 72

// run is a piece of a line set in one font.
type run struct {
	face  *face
	text  string
	width float64 // mm
}

// line is one line of text, its runs from left to right.
type line struct {
	runs  []run
	width float64 // mm
}

// setter chooses fonts: the Go fonts where they have the character, else
// Droid Sans Fallback, loaded the first time a character needs it.
type setter struct {
	latin  [2]*face // regular, bold
	han    *face
	hanErr error // why Droid Sans Fallback could not be loaded
	tried  bool
}

// faceOf is the font r is set in, bold or not. Chinese has no bold here.
func (s *setter) faceOf(r rune, bold bool) *face {
	l := s.latin[0]
	if bold {
		l = s.latin[1]
	}
	if l.covers(r) {
		return l
	}
	if !s.tried {
		s.han, s.hanErr = hanFace()
		s.tried = true
	}
	if s.han != nil && s.han.covers(r) {
		return s.han
	}
	return l // its box for a missing glyph
}

// unit is a piece of text a line is never broken inside, and whether a
// space follows it.
type unit struct {
	runes []rune
	space bool
}

// wide reports whether r is a Chinese (or Japanese, Korean) character or
// mark, between which lines may break without a space.
func wide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo) ||
		r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef
}

// A line does not start with a closing mark, nor end with an opening one.
const (
	noBreakBefore = "，。、；：！？）」』】〕〉》”’．,.;:!?)]}%ー々…"
	noBreakAfter  = "（「『【〔〈《“‘([{"
)

// units splits one line of text (no line break in it) at spaces and
// between wide characters.
func units(text string) []unit {
	var out []unit
	var cur []rune
	var prev rune
	end := func(space bool) {
		if len(cur) > 0 {
			out = append(out, unit{runes: cur, space: space})
			cur = nil
		} else if space && len(out) > 0 {
			out[len(out)-1].space = true
		}
	}
	for _, r := range text {
		if unicode.IsSpace(r) && r != '\u00a0' && r != '\u202f' { // not a no-break space
			end(true)
			continue
		}
		if len(cur) > 0 && (wide(prev) || wide(r)) && !strings.ContainsRune(noBreakBefore, r) && !strings.ContainsRune(noBreakAfter, prev) {
			end(false)
		}
		cur = append(cur, r)
		prev = r
	}
	end(false)
	if len(out) > 0 {
		out[len(out)-1].space = false
	}
	return out
}

// clean makes text safe to set: characters beyond the fonts' reach (past
// the Basic Multilingual Plane) become U+FFFD, control characters spaces,
// and line breaks "\n".
func clean(text string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r > 0xffff:
			return unicode.ReplacementChar
		case unicode.IsControl(r):
			return ' '
		}
		return r
	}, text)
}

// lines breaks text into lines at most width millimetres wide, at size
// points. A line break in the text starts a new line; blank lines are
// kept, one for several.
func (s *setter) lines(text string, size float64, bold bool, width float64) []line {
	var out []line
	blank := false
	for _, hard := range strings.Split(clean(text), "\n") {
		us := units(hard)
		if len(us) == 0 {
			if !blank && len(out) > 0 {
				out = append(out, line{})
			}
			blank = true
			continue
		}
		blank = false
		out = append(out, s.fill(us, size, bold, width)...)
	}
	for len(out) > 0 && len(out[len(out)-1].runs) == 0 {
		out = out[:len(out)-1]
	}
	return out
}

// fill puts units on lines greedily; a unit wider than a line is broken
// between its characters.
func (s *setter) fill(us []unit, size float64, bold bool, width float64) []line {
	em := size * ptMM / 1000 // mm per thousandth of an em
	runeWidth := func(r rune) float64 { return s.faceOf(r, bold).width(r) * em }
	spaceWidth := runeWidth(' ')
	var out []line
	var cur []rune // the line so far, spaces included
	curWidth := 0.0
	flush := func() {
		out = append(out, s.line(strings.TrimRight(string(cur), " "), bold, em))
		cur, curWidth = nil, 0
	}
	for _, u := range us {
		w := 0.0
		for _, r := range u.runes {
			w += runeWidth(r)
		}
		if len(cur) > 0 && curWidth+w > width {
			flush()
		}
		if w > width {
			for _, r := range u.runes {
				rw := runeWidth(r)
				if len(cur) > 0 && curWidth+rw > width {
					flush()
				}
				cur = append(cur, r)
				curWidth += rw
			}
		} else {
			cur = append(cur, u.runes...)
			curWidth += w
		}
		if u.space {
			cur = append(cur, ' ')
			curWidth += spaceWidth
		}
	}
	if len(cur) > 0 {
		flush()
	}
	return out
}

// line makes a line of text: its runs, one per change of font.
func (s *setter) line(text string, bold bool, em float64) line {
	var l line
	var b strings.Builder
	var f *face
	w := 0.0
	end := func() {
		if b.Len() > 0 {
			l.runs = append(l.runs, run{face: f, text: b.String(), width: w})
			l.width += w
		}
		b.Reset()
		w = 0
	}
	for _, r := range text {
		rf := s.faceOf(r, bold)
		if rf != f {
			end()
			f = rf
		}
		b.WriteRune(r)
		w += rf.width(r) * em
	}
	end()
	return l
}
