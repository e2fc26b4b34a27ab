package redact

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// birthCues say that a date nearby is a date of birth.
var birthCues = newCueSet("born", "birth", "dob", "d.o.b", "bday", "b-day", "født", "fødsel", "f.", "lahir", "dilahirkan",
	"hari jadi", "出生", "出世", "生日", "生於", "生于")

// detectBirthDates finds dates written near words that make them dates
// of birth: "born on 12/03/1985", "fødselsdato: 12. marts 1985",
// "tarikh lahir 12 Mac 1985", "出生日期：1985年3月12日". Other dates stay.
func detectBirthDates(s *scan) {
	lastDate := 0
	for k := 0; k < len(s.words); k++ {
		// A date starts with a number followed by a date separator, or
		// with a month name before a number.
		if s.words[k].kind == wDigits {
			if k+2 >= len(s.words) {
				continue
			}
			switch s.gap(k + 1) {
			case "/", "-", ".", " ", ". ", "":
			default:
				continue
			}
		} else if s.words[k].kind != wLetters || k+1 >= len(s.words) ||
			s.words[k+1].kind != wDigits || s.lex(k)&lxMonth == 0 {
			continue
		}
		end, date, ok := s.dateAt(k)
		if !ok {
			continue
		}
		start, stop := s.words[k].start, s.words[end].end
		if stop < len(s.text) && strings.HasPrefix(s.text[stop:], "日") {
			stop += len("日")
		}
		if era := rocEra(s.text[:start]); era > 0 {
			// 民國79年5月3日: the year of the Republic of China's
			// calendar, 1990.
			if y := num(s.tw(k)); len(s.tw(k)) <= 3 && 1911+y <= time.Now().Year() && validDate(1911+y, date.m, date.d) {
				start -= era
				date.y = 1911 + y
			}
		}
		// The cue must be nearer than the previous date: in "born
		// 03/06/2003, not 10/06/2023" only the first is a birth date.
		from := max(lastDate, start-40)
		for from > 0 && s.lower[from]&0xC0 == 0x80 {
			from--
		}
		after := s.lower[stop:min(len(s.lower), stop+24)]
		if i := strings.IndexAny(after, "0123456789"); i >= 0 {
			after = after[:i]
		}
		// A cue is used up by the date after it, even when that date
		// is already a placeholder ("born <DATE_OF_BIRTH_1>, not ...").
		if c := birthCues.last(s.lower[from:start]); c >= 0 && !hasPlaceholder(s.text[from+c:start]) || birthCues.has(after) || bornAfter(after) {
			s.add(DateOfBirth, start, stop, 0.85, date.iso())
		}
		lastDate = stop
		k = end
	}
}

// rocEra returns the length of 民國 (or 民国) when the text before a date
// ends with it, else 0.
func rocEra(before string) int {
	for _, e := range []string{"民國", "民国"} {
		if strings.HasSuffix(before, e) {
			return len(e)
		}
	}
	return 0
}

// bornAfter reports whether the words right after a Chinese date say it
// is the day someone was born: "是民國49年5月3日生的". (Not 生效, the day
// something takes effect.)
func bornAfter(after string) bool {
	for _, w := range []string{"生的", "生嘅", "出生", "出世"} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	// 生 alone, ending the clause: "2015年6月1日生，儿童票".
	rest, ok := strings.CutPrefix(after, "生")
	if !ok {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return rest == "" || !isCJK(r) && !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// detectROCBirthYears finds the year of birth Taiwan gives as its
// cohort: "我是民國85年次的" (born in 1996).
func detectROCBirthYears(s *scan) {
	if !s.hasCJK() {
		return
	}
	for _, era := range []string{"民國", "民国"} {
		for from := 0; ; {
			i := strings.Index(s.text[from:], era)
			if i < 0 {
				break
			}
			at := from + i + len(era)
			from = at
			j := at
			for j < len(s.text) && j-at < 3 && s.text[j] >= '0' && s.text[j] <= '9' {
				j++
			}
			if y := num(s.text[at:j]); j > at && strings.HasPrefix(s.text[j:], "年次") && y > 0 && 1911+y <= time.Now().Year() {
				s.add(DateOfBirth, at-len(era), j+len("年"), 0.85, strconv.Itoa(1911+y))
			}
		}
	}
}

// civilDate is a calendar day.
type civilDate struct{ y, m, d int }

// iso writes the date as 1985-03-12.
func (c civilDate) iso() string {
	b := []byte("0000-00-00")
	b[0], b[1], b[2], b[3] = byte('0'+c.y/1000), byte('0'+c.y/100%10), byte('0'+c.y/10%10), byte('0'+c.y%10)
	b[5], b[6] = byte('0'+c.m/10), byte('0'+c.m%10)
	b[8], b[9] = byte('0'+c.d/10), byte('0'+c.d%10)
	return string(b)
}

// dateAt reads a date starting at word k and returns its last word and
// the day.
func (s *scan) dateAt(k int) (int, civilDate, bool) {
	if k+2 >= len(s.words) {
		return 0, civilDate{}, false
	}
	a, b, c := s.tw(k), s.tw(k+1), s.tw(k+2)
	g1, g2 := s.gap(k+1), s.gap(k+2)
	// 1985年3月12日
	if g1 == "" && g2 == "" && s.words[k+1].kind == wCJK && strings.HasPrefix(b, "年") && k+4 < len(s.words) {
		if strings.HasPrefix(s.tw(k+3), "月") && s.words[k+4].kind == wDigits {
			return isoDate(k+4, a, c, s.tw(k+4))
		}
	}
	switch {
	case s.words[k].kind == wDigits && s.words[k+1].kind == wDigits && s.words[k+2].kind == wDigits:
		// 12/03/1985, 12.3.85, and the Danish 3/4-2009.
		danish := g1 == "/" && g2 == "-"
		if !danish && (g1 != g2 || len(g1) != 1 || strings.IndexByte("/-.", g1[0]) < 0) {
			return 0, civilDate{}, false
		}
		switch {
		case len(a) == 4:
			return isoDate(k+2, a, b, c)
		case len(c) == 4 || len(c) == 2:
			if end, date, ok := isoDate(k+2, c, b, a); ok { // day first
				return end, date, ok
			}
			if end, date, ok := isoDate(k+2, c, a, b); ok { // month first
				return end, date, ok
			}
		}
		if len(a) == 2 {
			return isoDate(k+2, a, b, c) // 92.8.17, 93.11.4: year first, as Chinese writes it
		}
	case s.words[k].kind == wDigits && s.lex(k+1)&lxMonth != 0 && s.words[k+2].kind == wDigits:
		// 12 March 1985, 12. marts 1985
		if m := monthNumber(s.lw(k + 1)); m > 0 && len(c) == 4 {
			return isoDate(k+2, c, strconv.Itoa(m), a)
		}
	case s.lex(k)&lxMonth != 0 && s.words[k+1].kind == wDigits && s.words[k+2].kind == wDigits:
		// March 12, 1985
		if m := monthNumber(s.lw(k)); m > 0 && len(c) == 4 {
			return isoDate(k+2, c, strconv.Itoa(m), b)
		}
	}
	return 0, civilDate{}, false
}

// isoDate checks a year, month and day written as digits.
func isoDate(end int, y, m, d string) (int, civilDate, bool) {
	if len(y) != 4 && len(y) != 2 || len(m) > 2 || len(d) > 2 || m == "" || d == "" {
		return 0, civilDate{}, false
	}
	yy, mm, dd := num(y), num(m), num(d)
	now := time.Now().Year()
	if len(y) == 2 {
		yy += 1900
		if yy+100 <= now {
			yy += 100
		}
	}
	if yy < 1900 || yy > now || !validDate(yy, mm, dd) {
		return 0, civilDate{}, false
	}
	return end, civilDate{yy, mm, dd}, true
}

// monthNumber returns 1-12 for a month name in English, Danish or Malay.
func monthNumber(w string) int {
	w = strings.TrimSuffix(w, ".")
	for i, names := range [12]string{
		"january jan januar januari", "february feb februar februari", "march mar marts mac",
		"april apr", "may maj mei", "june jun juni", "july jul juli julai", "august aug ogos",
		"september sep sept", "october oct oktober okt", "november nov", "december dec disember",
	} {
		for _, n := range strings.Fields(names) {
			if w == n {
				return i + 1
			}
		}
	}
	return 0
}

// hasPlaceholder reports whether t holds a placeholder (<TYPE_n>).
func hasPlaceholder(t string) bool {
	for i := strings.IndexByte(t, '<'); i >= 0; {
		if placeholderAt(t, i) > 0 {
			return true
		}
		j := strings.IndexByte(t[i+1:], '<')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// detectNamedBirthDates finds the dates written in brackets right after a
// person's name, as forms and lists of travellers give them: "Daan Bakker
// (02-05-2014), Fleur Bakker (19-11-2017)". It runs after the names are
// found.
func detectNamedBirthDates(s *scan) {
	n := len(s.found)
	for i := 0; i < n; i++ {
		f := s.found[i]
		if f.Type != Person {
			continue
		}
		k := s.wordAt(f.End)
		if k >= len(s.words) || s.words[k].start < f.End || s.words[k].kind != wDigits || strings.TrimSpace(s.text[f.End:s.words[k].start]) != "(" {
			continue
		}
		end, date, ok := s.dateAt(k)
		if !ok || date.y == 0 || date.y >= time.Now().Year() {
			continue // this year's date beside a name is when they did something
		}
		stop := s.words[end].end
		if stop < len(s.text) && s.text[stop] == ')' {
			s.add(DateOfBirth, s.words[k].start, stop, 0.8, date.iso())
		}
	}
}
