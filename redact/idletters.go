package redact

import "strings"

// detectLetterIDs finds identifiers that mix letters and digits: Hong Kong
// and Taiwan identity card numbers and UK National Insurance numbers,
// checked by their rules, and driving licence and passport numbers, which
// have no common rule and are recognised by the words before them.
func detectLetterIDs(s *scan) {
	if s.marks&markLetterID != 0 { // every pattern starts with one or two capitals
		detectIdentityCards(s)
	}
	detectDocumentNumbers(s)
}

// detectIdentityCards finds the identifiers with a check rule: Hong Kong
// and Taiwan identity cards, UK National Insurance numbers.
func detectIdentityCards(s *scan) {
	for k, w := range s.words {
		if w.marks&markLetterID == 0 {
			continue
		}
		if end, canon, ok := s.hkID(k); ok {
			s.add(HKID, w.start, end, s.idScore(k, 0.9, hkCues), canon)
			continue
		}
		if canon, ok := twID(s.tw(k)); ok {
			s.add(TWID, w.start, w.end, s.idScore(k, 0.6, twCues), canon)
			continue
		}
		if end, canon, ok := s.nino(k); ok {
			s.add(UKNINO, w.start, end, s.idScore(k, 0.85, ninoCues), canon)
		}
	}
}

// idScore raises base to 0.95 when the words before word k name the
// identifier, and returns 0 when they say it is an order or product code.
func (s *scan) idScore(k int, base float64, cues *cueSet) float64 {
	ctx := s.lower[max(0, s.words[k].start-64):s.words[k].start]
	if cues.has(ctx) {
		return 0.95
	}
	if notPersonalContext(ctx) {
		return 0
	}
	return base
}

// Words that name an identifier in the text before it.
var (
	hkCues   = newCueSet("hkid", "hong kong identity", "香港身份證", "身份證", "身份证", "identity card", "id card", "香港")
	twCues   = newCueSet("身分證", "身份證", "身份证", "統一編號", "identity card", "id card", "id no", "arc")
	ninoCues = newCueSet("national insurance", "ni number", "ni no", "nino")
)

// letterValue is the value of A-Z in the check digit sums: A=10 ... Z=35.
func letterValue(c byte) int { return int(c-'A') + 10 }

// hkID reads a Hong Kong identity card number at word k: one or two
// letters, six digits and a check character, A123456(7) or A1234567. The
// check character in brackets is required unless words before name it.
func (s *scan) hkID(k int) (int, string, bool) {
	w := s.tw(k)
	nl := 0
	for nl < len(w) && isUpper(w[nl]) {
		nl++
	}
	if nl < 1 || nl > 2 || s.words[k].kind != wMixed {
		return 0, "", false
	}
	digits := w[nl:]
	end := s.words[k].end
	var check byte
	switch {
	case len(digits) == 6 && allDigits(digits) && k+1 < len(s.words) && (s.gap(k+1) == "(" || s.gap(k+1) == " (") &&
		s.words[k+1].end-s.words[k+1].start == 1 && s.words[k+1].end < len(s.text) && s.text[s.words[k+1].end] == ')':
		check = s.text[s.words[k+1].start]
		end = s.words[k+1].end + 1
	case len(digits) == 7 && allDigits(digits[:6]):
		check = digits[6]
		digits = digits[:6]
		if !hkCues.has(s.wordsBefore(s.words[k].start)) {
			return 0, "", false
		}
	default:
		return 0, "", false
	}
	sum := 36 * 9
	if nl == 2 {
		sum = letterValue(w[0]) * 9
	}
	sum += letterValue(w[nl-1]) * 8
	for i := 0; i < 6; i++ {
		sum += int(digits[i]-'0') * (7 - i)
	}
	want := byte('0' + (11-sum%11)%11)
	if (11-sum%11)%11 == 10 {
		want = 'A'
	}
	if check != want {
		return 0, "", false
	}
	return end, w[:nl] + digits + string(check), true
}

// twLetters maps the first letter of a Taiwan identity number to its
// two-digit area code.
const twLetters = "ABCDEFGHJKLMNPQRSTUVXYWZIO"

// twID checks a Taiwan national identity (or resident) number: a letter,
// 1 or 2 (8 or 9 for residents), seven more digits and a check digit.
func twID(w string) (string, bool) {
	if len(w) != 10 || !isUpper(w[0]) || !allDigits(w[1:]) || strings.IndexByte("1289", w[1]) < 0 {
		return "", false
	}
	code := strings.IndexByte(twLetters, w[0]) + 10
	sum := code/10 + code%10*9
	for i := 1; i < 9; i++ {
		sum += int(w[i]-'0') * (9 - i)
	}
	sum += int(w[9] - '0')
	return w, sum%10 == 0
}

// nino reads a UK National Insurance number at word k: two letters, six
// digits and A-D, written together or in pairs (QQ 12 34 56 C).
func (s *scan) nino(k int) (int, string, bool) {
	var buf [9]byte
	n, j := 0, k
	for ; j < len(s.words) && j-k < 5 && n < 9; j++ {
		if j > k && s.gap(j) != " " {
			break
		}
		w := s.tw(j)
		if n+len(w) > 9 {
			return 0, "", false
		}
		n += copy(buf[n:], w)
	}
	if n != 9 {
		return 0, "", false
	}
	v := string(buf[:])
	if len(v) != 9 || !isUpper(v[0]) || !isUpper(v[1]) || !allDigits(v[2:8]) || v[8] < 'A' || v[8] > 'D' {
		return 0, "", false
	}
	if strings.IndexByte("DFIQUV", v[0]) >= 0 || strings.IndexByte("DFIOQUV", v[1]) >= 0 {
		return 0, "", false
	}
	switch v[:2] {
	case "BG", "GB", "KN", "NK", "NT", "TN", "ZZ":
		return 0, "", false
	}
	if j < len(s.words) && s.words[j].start == s.words[j-1].end {
		return 0, "", false
	}
	return s.words[j-1].end, v, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// licenceCues and passportCues name a document whose number follows.
var (
	licenceCues = []string{"driver's license", "drivers license", "driver license", "driver's licence",
		"driving licence", "driving license", "license number", "licence number", "license no", "licence no",
		"dl no", "dl#", "kørekort", "lesen memandu", "no. lesen", "驾驶证", "駕照", "驾照", "駕駛執照"}
	passportCues = []string{"passport", "pasnummer", "pas nr", "pasnr", "pasport", "护照", "護照"}
)

// detectDocumentNumbers finds driving licence and passport numbers: a
// word of six to twenty letters and digits, with at least five digits,
// shortly after words that name the document.
func detectDocumentNumbers(s *scan) {
	if s.marks&markDocument == 0 {
		return
	}
	for k, w := range s.words {
		if w.marks&markDocument == 0 {
			continue
		}
		last := s.cuesBefore(w.start)
		switch {
		case last[licenceCue] >= 0:
			s.add(DriverLicense, w.start, w.end, 0.9, strings.ToUpper(s.tw(k)))
		case last[passportCue] >= 0:
			s.add(Passport, w.start, w.end, 0.9, strings.ToUpper(s.tw(k)))
		}
	}
}

func countDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
		}
	}
	return n
}
