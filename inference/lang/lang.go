// Package lang is the one place that knows the languages Hushdesk serves:
// their tags, how a BCP-47 hint or an Accept-Language header maps to them,
// how the language of a customer's message is detected, and how Chinese is
// told apart by script.
//
// Every other package asks this one; none keeps its own table of
// languages. lang is a leaf: it imports nothing of the project, and every
// package may import it.
package lang

import (
	"strings"

	"golang.org/x/text/language"
)

// Tag is a supported language, written as its BCP-47 tag. The zero Tag
// means "not known".
type Tag string

// The supported languages. Chinese is told apart by script.
const (
	English            Tag = "en"
	Danish             Tag = "da"
	ChineseSimplified  Tag = "zh-Hans"
	ChineseTraditional Tag = "zh-Hant"
	Malay              Tag = "ms"
)

// Default is the language used when nothing says which.
const Default = English

// supported lists the languages in the order a matcher prefers them:
// the first is the fallback.
var supported = []Tag{English, Danish, ChineseSimplified, ChineseTraditional, Malay}

// Supported returns the supported languages, English first.
func Supported() []Tag { return append([]Tag(nil), supported...) }

// List is the supported languages as people read them in a message:
// "en, da, zh-Hans, zh-Hant, ms".
func List() string {
	s := make([]string, len(supported))
	for i, t := range supported {
		s[i] = string(t)
	}
	return strings.Join(s, ", ")
}

// Known reports whether t is a supported language.
func (t Tag) Known() bool {
	for _, s := range supported {
		if s == t {
			return true
		}
	}
	return false
}

// String returns the tag as written.
func (t Tag) String() string { return string(t) }

// Chinese reports whether t is Chinese in either script.
func (t Tag) Chinese() bool { return t == ChineseSimplified || t == ChineseTraditional }

// names are the languages' names in English, as a model prompt gives them.
var names = map[Tag]string{
	English: "English", Danish: "Danish", ChineseSimplified: "Simplified Chinese",
	ChineseTraditional: "Traditional Chinese", Malay: "Malay",
}

// Name returns the language's name in English ("Danish"); English for an
// unknown tag.
func (t Tag) Name() string {
	if n, ok := names[t]; ok {
		return n
	}
	return names[Default]
}

// Or returns t when it is known, else def.
func (t Tag) Or(def Tag) Tag {
	if t.Known() {
		return t
	}
	return def
}

var matcher = func() language.Matcher {
	tags := make([]language.Tag, len(supported))
	for i, t := range supported {
		tags[i] = language.MustParse(string(t))
	}
	return language.NewMatcher(tags)
}()

// aliases are languages the matcher does not count as close enough but
// whose speakers read one of ours: Nynorsk readers read Danish as well as
// Bokmål ones do, Indonesian readers read Malay, and Cantonese is written
// in traditional characters.
var aliases = map[string]Tag{"nn": Danish, "id": Malay, "yue": ChineseTraditional}

// Parse maps a BCP-47 tag (da-DK, zh-TW, zh-HK, nb, ms-MY ...) to a
// supported language. It reports false for an empty, malformed or
// unsupported tag.
func Parse(s string) (Tag, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	t, err := language.Parse(s)
	if err != nil {
		return "", false
	}
	return match(t)
}

func match(t language.Tag) (Tag, bool) {
	base, _ := t.Base()
	if a, ok := aliases[base.String()]; ok {
		return a, true
	}
	_, idx, conf := matcher.Match(t)
	if conf == language.No {
		return "", false
	}
	return supported[idx], true
}

// ParseAcceptLanguage picks the supported language a browser's
// Accept-Language header prefers most, honouring q-values. It reports
// false when the header names none.
func ParseAcceptLanguage(header string) (Tag, bool) {
	tags, _, err := language.ParseAcceptLanguage(header)
	if err != nil {
		return "", false
	}
	for _, t := range tags { // sorted by q-value, highest first
		if l, ok := match(t); ok {
			return l, true
		}
	}
	return "", false
}

// WithoutMarks returns the spellings of a Danish word as it is typed on a
// keyboard without æ, ø and å: with ae, oe and aa, as Danish was written
// before 1948, and with the marks dropped ("hvornår": "hvornaar",
// "hvornar"). A word without the letters has none.
func WithoutMarks(w string) []string {
	if !strings.ContainsAny(w, "æøåÆØÅ") {
		return nil
	}
	return []string{Digraphs(w), dropped.Replace(w)}
}

// Digraphs writes æ, ø and å (and their capitals) as ae, oe and aa, the
// spelling the Danish analysis of the search gives both passages and
// questions.
func Digraphs(s string) string { return digraphs.Replace(s) }

var (
	digraphs = strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa", "Æ", "Ae", "Ø", "Oe", "Å", "Aa")
	dropped  = strings.NewReplacer("æ", "a", "ø", "o", "å", "a", "Æ", "A", "Ø", "O", "Å", "A")
)
