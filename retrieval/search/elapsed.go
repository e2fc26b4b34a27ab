package search

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// A help centre often splits what may be done by the time gone by
// ("Change or cancel within the first hour", "After the first hour",
// "14 天内", "selepas 30 hari"), and customers say how long ago something
// happened ("ordered 20 mins ago", "for 2 timer siden", "3小时前",
// "15 min lepas"). Within an article, the section whose heading's window
// holds the time the question says has gone by ranks first, by as much
// as a heading's promise of the answer asked for; a section whose window
// it is outside of loses as much. Numbers, units of time and the words
// for "ago", "within" and "after" are language, the same for any
// company.

// units are the words for units of time, by language, as customers and
// headings write them.
var units = map[string]time.Duration{
	"min": time.Minute, "mins": time.Minute, "minute": time.Minute, "minutes": time.Minute, "minut": time.Minute,
	"minutter": time.Minute, "minit": time.Minute, "m": time.Minute,
	"hr": time.Hour, "hrs": time.Hour, "hour": time.Hour, "hours": time.Hour, "h": time.Hour, "time": time.Hour,
	"timer": time.Hour, "timen": time.Hour, "jam": time.Hour,
	"day": 24 * time.Hour, "days": 24 * time.Hour, "dag": 24 * time.Hour, "dage": 24 * time.Hour, "dagen": 24 * time.Hour,
	"hari": 24 * time.Hour,
	"week": 7 * 24 * time.Hour, "weeks": 7 * 24 * time.Hour, "uge": 7 * 24 * time.Hour, "uger": 7 * 24 * time.Hour,
	"minggu": 7 * 24 * time.Hour,
	"分钟":     time.Minute, "分鐘": time.Minute, "小时": time.Hour, "小時": time.Hour, "个小时": time.Hour, "個小時": time.Hour,
	"个钟": time.Hour, "個鐘": time.Hour, "个钟头": time.Hour, "個鐘頭": time.Hour, "天": 24 * time.Hour, "日": 24 * time.Hour,
	"周": 7 * 24 * time.Hour, "週": 7 * 24 * time.Hour, "星期": 7 * 24 * time.Hour, "个星期": 7 * 24 * time.Hour,
	"個星期": 7 * 24 * time.Hour,
}

// counts are the numbers written as words, by language.
var counts = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10, "twenty": 20, "thirty": 30,
	"couple": 2, "few": 3,
	"en": 1, "et": 1, "første": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "ti": 10, "tyve": 20,
	"satu": 1, "sejam": 1, "sehari": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "sepuluh": 10,
	"一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "半": 0,
}

var (
	latinUnit = `(min|mins|minutes?|minut|minutter|minit|m|hrs?|hours?|h|timer?|timen|jam|days?|dage?|dagen|hari|weeks?|uger?|minggu)`
	latinNum  = `(\d+|an?|one|two|three|four|five|six|ten|twenty|thirty|couple|few|en|et|to|tre|fire|fem|seks|ti|tyve|satu|dua|tiga|empat|lima|enam|sepuluh)`
	hanNum    = `(\d+|[一二两兩三四五六七八九十半]+)`
	hanUnit   = `(分钟|分鐘|个小时|個小時|小时|小時|个钟头|個鐘頭|个钟|個鐘|天|日|个星期|個星期|星期|周|週)`

	// agoLatin: "20 mins ago", "a couple of hours ago", "for 2 timer
	// siden", "15 min lepas", "3 jam yang lalu".
	agoLatin = regexp.MustCompile(`\b` + latinNum + `\s*(?:of\s+)?` + latinUnit + `\s+(?:ago|back|siden|lepas|lalu|yang lalu|tadi)\b`)
	// agoHan: "3小时前", "两天之前", "半個鐘前".
	agoHan = regexp.MustCompile(hanNum + `\s*` + hanUnit + `\s*(?:之前|以前|前)`)
	// justNow: a moment ago.
	justNow = regexp.MustCompile(`(?:\bjust now\b|\ba moment ago\b|\bjust (?:placed|ordered|made)\b|\blige (?:bestilt|lagt|afgivet)\b|\bbaru (?:je |sahaja |saja )?(?:order|buat|beli|pesan)|刚刚|剛剛|刚才|剛才|刚下|剛下|啱啱)`)

	// withinLatin and afterLatin: "within the first hour", "within 14
	// days", "inden for den første time", "dalam masa 1 jam", "after the
	// first hour", "efter 30 dage", "selepas 1 jam".
	withinLatin = regexp.MustCompile(`\b(?:within|inden for|indenfor|dalam(?: masa| tempoh)?)\s+(?:the\s+|den\s+|det\s+)?(first\s+|første\s+)?(?:` + latinNum + `\s*)?` + latinUnit + `\b`)
	afterLatin  = regexp.MustCompile(`\b(?:after|more than|over|efter|mere end|selepas|lebih dari|lebih)\s+(?:the\s+|den\s+|det\s+)?(first\s+|første\s+)?(?:` + latinNum + `\s*)?` + latinUnit + `\b`)
	// withinHan and afterHan: "1小时内", "下单后一小时内", "一小時後".
	withinHan = regexp.MustCompile(hanNum + `?\s*` + hanUnit + `\s*(?:之内|之內|以内|以內|内|內)`)
	afterHan  = regexp.MustCompile(hanNum + `?\s*` + hanUnit + `\s*(?:之后|之後|以后|以後|后|後)`)
)

// elapsedOf returns how long ago the question says something happened;
// false when it says nothing of it.
func elapsedOf(text string) (time.Duration, bool) {
	lower := strings.ToLower(text)
	if m := agoLatin.FindStringSubmatch(lower); m != nil {
		return amount(m[1], m[2]), true
	}
	if m := agoHan.FindStringSubmatch(lower); m != nil {
		return amount(m[1], m[2]), true
	}
	if justNow.MatchString(lower) {
		return time.Minute, true
	}
	// A question may name the window itself: "what about after an hour",
	// "can I still cancel within the first hour", "efter en time". In
	// Chinese a time with 后 as often says when something will be
	// ("3天后能到吗"), so only the Latin forms are read.
	for _, w := range []struct {
		re    *regexp.Regexp
		after bool
	}{{withinLatin, false}, {afterLatin, true}} {
		m := w.re.FindStringSubmatch(lower)
		if m == nil || m[1] == "" && m[2] == "" {
			continue
		}
		d := amount(m[2], m[3])
		if w.after {
			d += time.Minute // beyond the bound
		}
		return d, true
	}
	return 0, false
}

// window is the time a heading promises its section for: up to bound,
// or after it.
type window struct {
	bound time.Duration
	after bool
}

// windowOf returns the window a heading names; false when it names none.
func windowOf(heading string) (window, bool) {
	lower := strings.ToLower(heading)
	for _, w := range []struct {
		re    *regexp.Regexp
		after bool
	}{{withinLatin, false}, {afterLatin, true}, {withinHan, false}, {afterHan, true}} {
		m := w.re.FindStringSubmatch(lower)
		switch {
		case m == nil:
		case len(m) == 4 && m[1] == "" && m[2] == "":
			// "within the hour", "efter time": a unit alone, with no
			// number and no "first", names no window.
		case len(m) == 4:
			return window{bound: amount(m[2], m[3]), after: w.after}, true
		default:
			return window{bound: amount(m[1], m[2]), after: w.after}, true
		}
	}
	return window{}, false
}

// holdsElapsed reports whether the time gone by is inside the window.
func (w window) holdsElapsed(d time.Duration) bool {
	if w.after {
		return d > w.bound
	}
	return d <= w.bound
}

// amount is a number (digits or a word; none is one) of a unit.
func amount(num, unit string) time.Duration {
	n := 1
	if num != "" {
		if v, err := strconv.Atoi(num); err == nil {
			n = v
		} else if v, ok := counts[num]; ok {
			n = v
		} else if v, ok := hanNumber(num); ok {
			n = v
		}
	}
	// More than ten years is more than any window: capped, so that no
	// number overflows.
	n = min(n, maxCount)
	u := units[unit]
	if num == "半" { // half a unit
		return u / 2
	}
	return time.Duration(n) * u
}

// maxCount is the largest count of a unit read (ten years of days).
const maxCount = 3650

// hanNumber reads a Chinese number up to 99 ("十五", "二十", "三").
func hanNumber(s string) (int, bool) {
	digit := func(r rune) (int, bool) {
		v, ok := counts[string(r)]
		return v, ok && r != '十'
	}
	rs := []rune(s)
	switch {
	case len(rs) == 1:
		return digit(rs[0])
	case len(rs) == 2 && rs[0] == '十':
		u, ok := digit(rs[1])
		return 10 + u, ok
	case len(rs) == 2 && rs[1] == '十':
		t, ok := digit(rs[0])
		return 10 * t, ok
	case len(rs) == 3 && rs[1] == '十':
		t, ok1 := digit(rs[0])
		u, ok2 := digit(rs[2])
		return 10*t + u, ok1 && ok2
	}
	return 0, false
}
