package redact

import (
	"strings"
	"unicode/utf8"
)

// zhRoad are the characters that end the name of a road or lane.
var zhRoad = []string{"大道", "胡同", "路", "街", "道", "巷", "弄", "段", "里"}

// zhAddrStop are characters that end an address when reading backwards
// from its road: "我住在", "寄到", "地址是".
var zhAddrStop = func() map[rune]bool {
	m := make(map[rune]bool)
	for _, r := range "我你他她您的是在到往寄送给給请請把住址于於从從要想帮幫发發至和与與或也就为為去搬係喺说說讲講话話" {
		m[r] = true
	}
	return m
}()

// zhAdmin are the characters of the administrative levels above a road.
const zhAdmin = "省市区區县縣镇鎮乡鄉村"

// detectZhAddresses finds addresses such as 北京市朝阳区建国路88号5楼 or
// 台北市信義區信義路五段7號: a road character followed by a number and
// 号, with the place names before it and the floor and room after it.
func detectZhAddresses(s *scan) {
	t := s.text
	done := 0 // the end of the last address found
	for k := 0; k < len(s.words); k++ {
		if s.words[k].kind != wCJK {
			continue
		}
		w := s.words[k]
		for off := w.start; off < w.end; {
			road, rl := nextRoad(t[off:w.end])
			if road < 0 {
				break
			}
			at := off + road + rl
			off = at
			end, numbered := zhAfterRoad(t, at)
			if !numbered {
				continue
			}
			start := zhBackFromRoad(t, off-rl)
			if start >= off-rl {
				continue
			}
			score := 0.85
			if strings.ContainsAny(t[start:end], zhAdmin) {
				score = 0.9
			}
			s.add(Address, start, end, score, "")
			done = max(done, end)
			for k+1 < len(s.words) && s.words[k+1].start < end {
				k++
			}
			break
		}
	}
	detectZhEstateAddresses(s, done)
}

// detectZhEstateAddresses finds the addresses without a road: the
// numbered units of a building or an estate after the district, as in
// 北京市朝阳区望京西园四区412号楼2单元601 or 新界元朗屏山朗屏邨玉屏樓1218室.
func detectZhEstateAddresses(s *scan, done int) {
	t := s.text
	for k := 1; k < len(s.words); k++ {
		w := s.words[k]
		if w.kind != wDigits || w.start < done || s.words[k-1].kind != wCJK || s.words[k-1].end != w.start ||
			zhUnitAt(t, w.end) == "" {
			continue
		}
		start := zhBackFromRoad(t, w.start)
		if utf8.RuneCountInString(t[start:w.start]) < 4 {
			continue
		}
		back := t[start:w.start]
		estate := false
		for _, e := range zhEstates[:9] {
			estate = estate || strings.Contains(back, e)
		}
		estate = estate || strings.ContainsAny(back, "邨苑")
		end, units := zhUnits(t, w.start)
		if units >= 2 && (estate || strings.ContainsAny(back, "省市区區县縣")) || units >= 1 && estate {
			s.add(Address, start, end, 0.8, "")
			done = end
		}
	}
}

// nextRoad returns the offset and length of the first road character in
// t, or -1.
func nextRoad(t string) (int, int) {
	for i := 0; i < len(t); {
		r, size := hanRune(t, i)
		i += size
		switch r {
		case '路', '街', '道', '巷', '弄', '段', '里':
			return i - size, size
		case '大', '胡':
			for _, road := range zhRoad[:2] {
				if strings.HasPrefix(t[i-size:], road) {
					return i - size, len(road)
				}
			}
		}
	}
	return -1, 0
}

// zhAfterRoad reads the number part after a road at i: an optional
// section (五段), then the numbered units (see zhUnits). It reports
// whether a house number was there.
func zhAfterRoad(t string, i int) (int, bool) {
	if j := skipZhNumber(t, i); strings.HasPrefix(t[j:], "段") {
		i = j + len("段") // 信義路五段
	}
	end, units := zhUnits(t, i)
	return end, units > 0
}

// zhUnitWords follow a number in the part of an address after the street,
// longest first.
var zhUnitWords = []string{"号楼", "號樓", "号院", "號院", "号屋", "號屋", "单元", "單元", "号", "號", "巷", "弄", "栋", "棟", "幢", "座", "楼", "樓",
	"层", "層", "室", "房", "期", "区", "區", "F", "f"}

// zhEstates end the name of a building or an estate: 大厦, 小区, 邨.
var zhEstates = []string{"大厦", "大廈", "小区", "小區", "社区", "社區", "花园", "花園", "中心", "广场", "廣場", "大楼", "大樓",
	"公寓", "新村", "邨", "苑", "城", "村", "閣", "阁", "轩", "軒", "庭", "居", "园", "園"}

// zhUnits reads numbered units from i: 88号, 1号楼2单元601, 216巷27弄5號3樓之3,
// 昌地火炬大厦1号楼1803室 (a building's name before its units), A座2103. It
// returns their end and how many it read.
func zhUnits(t string, i int) (end, units int) {
	end = i
	prevRoom := false // the last unit is one a bare room number may follow
	for {
		j := end
		if j < len(t) && t[j] == ' ' {
			j++
		}
		if strings.HasPrefix(t[j:], "之") { // 12樓之3, 號之1
			if k := skipZhNumber(t, j+len("之")); k > j+len("之") {
				end, units, prevRoom = k, units+1, false
				continue
			}
		}
		if n := skipZhNumber(t, j); n > j {
			if u := zhUnitAt(t, n); u != "" {
				end, units = n+len(u), units+1
				prevRoom = u != "号" && u != "號" && u != "室" && u != "房"
				continue
			}
			if prevRoom && n-j >= 2 && (n == len(t) || !isAlnum(t[n])) {
				return n, units + 1 // 2单元601
			}
			return end, units
		}
		// A letter block: A座, B栋, A4栋.
		if j < len(t) && isUpper(t[j]) && j+1 < len(t) {
			at := j + 1
			for at < len(t) && at-j <= 3 && isDigit(t[at]) {
				at++
			}
			if u := zhUnitAt(t, at); u != "" && u != "F" && u != "f" {
				end, units, prevRoom = at+len(u), units+1, true
				continue
			}
		}
		// The name of a building or an estate, then its units.
		if units > 0 || j == i {
			if k := zhBuildingEnd(t, j); k > j {
				if e, n := zhUnits(t, k); n > 0 {
					return e, units + n
				}
			}
			// A complex whose name ends in no word of a building
			// (世茂东外滩, 金融港), after the house number, then the
			// units of a flat in it: 11栋2单元802室, B18栋1单元1603室.
			if units > 0 {
				if e, n := zhComplexUnits(t, j); n > 0 {
					return e, units + n
				}
			}
		}
		return end, units
	}
}

// zhComplexUnits reads, from i, the name of a complex (two to eight
// Chinese characters, no particle or cue among them) and then the units of
// a flat in it: two units or more, or one that only a dwelling has (a
// room, a block, a village house: 23號屋). It returns their end and how
// many units it read, or i and 0.
func zhComplexUnits(t string, i int) (int, int) {
	end, n := i, 0
	for n < 8 && end < len(t) {
		r, size := decodeRune(t, end)
		if !isCJK(r) || zhAddrStop[r] || zhStop[r] {
			break
		}
		end += size
		n++
		if n < 2 {
			continue
		}
		if e, units := zhUnits(t, end); units >= 2 || units == 1 && zhDwellingUnit(t[end:e]) {
			return e, units
		}
	}
	return i, 0
}

// zhDwellingUnits end a number only a dwelling has: a room, a block of
// flats, a village house.
var zhDwellingUnits = []string{"室", "号楼", "號樓", "号屋", "號屋", "栋", "棟", "幢", "单元", "單元"}

// zhDwellingUnit reports whether units end in a unit of zhDwellingUnits.
func zhDwellingUnit(units string) bool {
	for _, u := range zhDwellingUnits {
		if strings.HasSuffix(units, u) {
			return true
		}
	}
	return false
}

// zhUnitAt returns the unit word at i, or "".
func zhUnitAt(t string, i int) string {
	for _, u := range zhUnitWords {
		if strings.HasPrefix(t[i:], u) {
			return u
		}
	}
	return ""
}

// zhBuildingEnd returns the end of a building's or an estate's name
// starting at i (at most ten characters, ending in one of zhEstates or
// 樓 after a name), or i.
func zhBuildingEnd(t string, i int) int {
	end := i
	for n := 0; n < 10 && end < len(t); n++ {
		r, size := decodeRune(t, end)
		if !isCJK(r) || zhAddrStop[r] && r != '的' {
			break
		}
		end += size
		for _, e := range zhEstates {
			if strings.HasSuffix(t[i:end], e) {
				// The longest name that ends in an estate word and is
				// followed by a number, another building, or its end.
				next := end
				if next < len(t) && (isDigit(t[next]) || isUpper(t[next]) || t[next] == ' ' || skipZhNumber(t, next) > next) {
					return next
				}
			}
		}
	}
	return i
}

// skipZhNumber skips digits, Chinese numerals, dashes and 之 (号之1).
func skipZhNumber(t string, i int) int {
	for i < len(t) {
		r, size := decodeRune(t, i)
		if !(r >= '0' && r <= '9' || r == '-' || strings.ContainsRune("一二三四五六七八九十百之", r) ||
			(r >= 'A' && r <= 'Z' && i+size < len(t) && t[i+size] >= 0x80)) {
			break
		}
		i += size
	}
	return i
}

// zhBackFromRoad returns where the address that has its road at i starts:
// back over the road's name and the districts and city before it, at most
// sixteen characters, stopping at a cue or a particle.
func zhBackFromRoad(t string, i int) int {
	start := i
	for n := 0; start > 0 && n < 16; n++ {
		r, size := utf8.DecodeLastRuneInString(t[:start])
		switch {
		case r == '和' && start-size > 0 && zhNameCharBefore(t, start-size):
			// 和 inside a name (豐和樓, 和平路), not joining two things.
		case r >= 'A' && r <= 'Z' && start-size > 0 && zhNameCharBefore(t, start-size):
			// A block's letter between a building and its unit (淘大花園C座).
		case !isCJK(r) || zhAddrStop[r]:
			return zhPastChange(t, start, i)
		}
		start -= size
	}
	return zhPastChange(t, start, i)
}

// zhChanges say what an address is changed to ("地址改成", "改为"): their
// characters also stand in places' names (成都), so they are skipped as a
// whole before an address, not stopped at one by one.
var zhChanges = []string{"改成", "改为", "改為", "换成", "換成", "改到", "更新为", "更新為"}

// zhPastChange returns start moved past a change word that opens what was
// read back from a road at i.
func zhPastChange(t string, start, i int) int {
	for _, c := range zhChanges {
		if strings.HasPrefix(t[start:], c) && start+len(c) < i {
			return start + len(c)
		}
	}
	return start
}

// zhNameCharBefore reports whether the character before byte i of t is
// a Chinese character that can stand in a place's name.
func zhNameCharBefore(t string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(t[:i])
	return isCJK(r) && !zhAddrStop[r]
}
