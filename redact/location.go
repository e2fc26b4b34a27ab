package redact

import "strings"

// locationCues say where the writer (or someone they write about) lives,
// comes from or is: the place that follows is personal data. A place named
// without such words ("do you ship to Norway?") is not.
var locationCues = []string{
	"i'm from", "i am from", "im from", "originally from", "moved here from", "moved from", "we moved from",
	"grew up in", "born in", "i live in", "i'm living in", "lives in", "living in", "live in", "i'm in",
	"i am in", "im in", "based in", "staying in", "friend lives in",
	"jeg bor i", "bor i", "jeg kommer fra", "kommer fra", "jeg er fra", "flyttede fra", "flyttet fra",
	"opvokset i", "født i", "saya dari", "berasal dari", "saya tinggal di", "tinggal di",
	"dilahirkan di", "lahir di", "menetap di",
}

// presenceCues say only where the writer is for now, or where a thing is
// based ("I'm in Leeds till Friday", "is the role based in Leeds"): the
// place is still found, as evidence for the name tagger that the word is
// a place, but scores below the default threshold, for it says little of
// anyone.
var presenceCues = []string{"i'm in", "i am in", "im in", "based in", "staying in"}

var presenceCueIndex = newSuffixCues(presenceCues...)

// presenceScore is the score of a place named after a presence cue.
const presenceScore = 0.4

// detectLocations finds places named after a location cue: one to four
// capitalised words, or a country however it is written.
func detectLocations(s *scan) {
	if s.marks&markPlacePrep == 0 {
		return
	}
	for k := 1; k < len(s.words); k++ {
		if s.words[k-1].marks&markPlacePrep == 0 {
			continue // not from, in, fra, i, di, dari
		}
		if s.gap(k) != " " || !s.locationCue(k) || s.addressedToReader(k-1) {
			continue
		}
		n := s.countryLen(k)
		if n == 0 {
			for j := k; j < len(s.words) && j-k < 4; j++ {
				w := s.words[j]
				if j > k && s.gap(j) != " " && s.gap(j) != "-" {
					break
				}
				if w.kind != wLetters || !(w.cap || w.upper) || s.lex(j)&(lxStop|lxNotName|lxOrg|lxMonth) != 0 {
					if j > k && s.lex(j)&lxParticle != 0 && j+1 < len(s.words) && s.words[j+1].cap {
						continue // Mansilla de la Sierra
					}
					break
				}
				n = j - k + 1
			}
		}
		for n > 0 && s.lex(k+n-1)&lxParticle != 0 {
			n--
		}
		if n == 0 {
			continue
		}
		start, end := s.words[k].start, s.words[k+n-1].end
		score := 0.75
		if presenceCueIndex.endsCtx(strings.TrimRight(s.wordsBefore(s.words[k].start), " "), s.lw(k-1)) {
			score = presenceScore
		}
		s.add(Location, start, end, score, strings.ToLower(s.text[start:end]))
		k += n - 1
	}
}

var locationCueIndex = newSuffixCues(locationCues...)

func (s *scan) locationCue(k int) bool {
	ctx := strings.TrimRight(s.wordsBefore(s.words[k].start), " ")
	return locationCueIndex.endsCtx(ctx, s.lw(k-1))
}

// addressedToReader reports whether the cue ending at word k speaks of
// "you" in general ("if you live in Denmark", "hvis du bor i Danmark"):
// help texts say that, and it is no one's personal data.
func (s *scan) addressedToReader(k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		switch s.lw(j) {
		case "you", "du", "anda", "awak", "kamu", "de", "dig":
			return true
		}
	}
	return false
}
