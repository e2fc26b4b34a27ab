package search

import (
	"strings"

	"github.com/hushdesk/hushdesk/inference/lang"
)

// A help centre serving customers in several parts of the world often
// has a section for each (opening hours, telephone numbers, delivery
// times, for Europe and for Asia), worded alike but for the place. When
// the question names no place, the language it is written in says where
// its writer most likely is: a Danish question is asked from Europe, a
// Malay or a Chinese one from Asia. Within an article, the section whose
// heading names the writer's part of the world ranks first, by as much
// as a heading's promise of the answer asked for; a place the question
// names is where it is asked from. Which countries and regions belong where is
// geography, the same for any company; English is written everywhere
// and says nothing.

// region is a part of the world a section's heading may name.
type region uint8

const (
	regionNone region = iota
	regionEurope
	regionAsia
)

// regionWords name each region, the countries in it the customers'
// languages are spoken in and their main cities, as headings write them
// (Latin-script words whole, Chinese anywhere).
var regionWords = []struct {
	region region
	words  []string
}{
	{regionEurope, []string{"europe", "european", "europa", "europæisk", "eropah", "eu", "denmark", "danmark", "dansk",
		"danish", "nordic", "norden", "scandinavia", "skandinavien", "copenhagen", "københavn", "kbh", "aarhus",
		"欧洲", "歐洲", "丹麦", "丹麥", "北欧", "北歐", "哥本哈根"}},
	{regionAsia, []string{"asia", "asian", "asien", "asiatisk", "malaysia", "malaysian", "malaysisk", "singapore",
		"hong kong", "taiwan", "kuala lumpur", "penang", "taipei", "亚洲", "亞洲", "马来西亚", "馬來西亞", "新加坡", "香港",
		"台湾", "台灣", "大马", "大馬", "吉隆坡", "槟城", "檳城", "台北"}},
}

// languageRegion is where a question written in a language is most likely
// asked from.
var languageRegion = map[lang.Tag]region{
	lang.Danish:             regionEurope,
	lang.Malay:              regionAsia,
	lang.ChineseSimplified:  regionAsia,
	lang.ChineseTraditional: regionAsia,
}

// regionOf returns the one region a heading names; none when it names
// none or both.
func regionOf(heading string) region {
	if heading == "" {
		return regionNone
	}
	lower := strings.ToLower(heading)
	words := spacedWords(lower)
	found := regionNone
	for _, rw := range regionWords {
		for _, w := range rw.words {
			if isHan(w) && strings.Contains(lower, w) || !isHan(w) && strings.Contains(words, " "+w+" ") {
				if found != regionNone && found != rw.region {
					return regionNone
				}
				found = rw.region
				break
			}
		}
	}
	return found
}

// asksFrom returns the region a question is asked from: the one it names,
// or else the one its language is written in; none when it names both or
// its language says nothing.
func asksFrom(text string, l lang.Tag) region {
	if r := regionOf(text); r != regionNone {
		return r
	}
	if namesRegion(text) {
		return regionNone
	}
	return languageRegion[l]
}

// namesRegion reports whether text names any region of the lists.
func namesRegion(text string) bool {
	lower := strings.ToLower(text)
	words := spacedWords(lower)
	for _, rw := range regionWords {
		for _, w := range rw.words {
			if isHan(w) && strings.Contains(lower, w) || !isHan(w) && strings.Contains(words, " "+w+" ") {
				return true
			}
		}
	}
	return false
}
