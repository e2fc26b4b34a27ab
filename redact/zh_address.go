package redact

import (
	"strings"
	"unicode/utf8"
)

// zhRoad are the characters that end the name of a road or lane.
var zhRoad = []string{"大道", "胡同", "路", "街", "道", "巷", "弄", "段", "里"}

// zhUnits follow a number in the part of an address after the street.
var zhUnits = []string{"号楼", "號樓", "单元", "單元", "号", "號", "楼", "樓", "层", "層", "室", "座", "栋", "棟", "房", "F", "f"}

// zhAddrStop are characters that end an address when reading backwards
// from its road: "我住在", "寄到", "地址是".
var zhAddrStop = func() map[rune]bool {
	m := make(map[rune]bool)
	for _, r := range "我你他她您的是在到往寄送给給请請把住址于於从從要想帮幫发發至和与與或也就为為" {
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
			for k+1 < len(s.words) && s.words[k+1].start < end {
				k++
			}
			break
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
// section (五段), a house number with 号 and any floors and rooms. It
// reports whether a house number was there.
func zhAfterRoad(t string, i int) (int, bool) {
	end, numbered := i, false
	for {
		j := skipZhNumber(t, end)
		if j == end {
			if strings.HasPrefix(t[end:], "段") { // 信義路五段: already read
				end += len("段")
				continue
			}
			return end, numbered
		}
		unit := ""
		for _, u := range zhUnits {
			if strings.HasPrefix(t[j:], u) {
				unit = u
				break
			}
		}
		switch {
		case unit != "":
			end = j + len(unit)
			numbered = true
		case strings.HasPrefix(t[j:], "段"):
			end = j + len("段")
		default:
			return end, numbered
		}
	}
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
		if !isCJK(r) || zhAddrStop[r] {
			break
		}
		start -= size
	}
	return start
}
