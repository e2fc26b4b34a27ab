package redact

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// extendEnumerations lets names vouch for the other members of a list:
// in "Anna, Mikkel, Sune and Ib" every member is a name once two are.
func (s *scan) extendEnumerations(runs []scoredRun) []scoredRun {
	for i := 0; i < len(runs); {
		j := i + 1
		for j < len(runs) && runs[j].to-runs[j].from <= 3 && s.listJoin(runs[j-1].to, runs[j].from) &&
			(s.caseless || !s.words[runs[j].from].upper) {
			j++
		}
		found := 0
		for k := i; k < j; k++ {
			if runs[k].score >= 0.5 {
				found++
			}
		}
		if j-i >= 2 && found >= 1 {
			for k := i; k < j; k++ {
				runs[k].score = max(runs[k].score, 0.55)
			}
		}
		i = j
	}
	return runs
}

// listJoin reports whether the text from word a (the end of one run) to
// word b (the start of the next) joins two members of a list: a comma, or
// "and" in one of the customers' languages.
func (s *scan) listJoin(a, b int) bool {
	switch {
	case a == b:
		g := s.gap(a)
		return g == ", " || g == "," || g == " & "
	case b == a+1:
		switch s.lw(a) {
		case "and", "og", "dan", "or", "eller", "atau", "samt":
			g := s.gap(a)
			return (g == " " || g == ", ") && s.gap(b) == " "
		}
	}
	return false
}

// detectSignatures finds the writer's name after a sign-off: "Best
// regards,\nAnna Jensen", "Mvh Lars", "Terima kasih,\nSiti".
func detectSignatures(s *scan) {
	if s.marks&markSignOff == 0 {
		return
	}
	for k := 0; k+1 < len(s.words); k++ {
		if s.words[k].marks&markSignOff == 0 {
			continue // neither a sign-off nor the end of a two-word one
		}
		// A sign-off ends its line, or opens its line or sentence (the
		// pair's first word does).
		ends := k+1 < len(s.words) && strings.IndexByte(s.gap(k+1), '\n') >= 0
		single := isSignOff(s.lw(k)) && (ends || s.sentenceStart(k))
		if !single && !(k > 0 && (ends || s.sentenceStart(k-1)) && s.signOffPair(k)) {
			continue
		}
		g := s.gap(k + 1)
		if strings.IndexByte(g, '<') >= 0 && hasPlaceholder(g) {
			continue // something stands between: it is not the signature
		}
		newline := strings.IndexByte(g, '\n') >= 0
		if !newline && g != " " && g != ", " {
			continue
		}
		if !newline && !s.lineStartsAt(k) && !s.sentenceStart(k) && !(s.signOffPair(k) && s.sentenceStart(k-1)) {
			continue
		}
		j := k + 1
		for j < len(s.words) && j-k <= 4 && s.words[j].kind == wLetters && s.lex(j)&(lxStop|lxNotName) == 0 &&
			(s.words[j].cap || s.caseless) && (j == k+1 || s.gap(j) == " ") {
			j++
		}
		if j == k+1 || !s.lineEndsAfter(j) && j < len(s.words) {
			continue
		}
		start, end := s.words[k+1].start, s.words[j-1].end
		s.add(Person, start, end, 0.8, strings.ToLower(s.text[start:end]))
		k = j - 1
	}
}

// signOffPair reports whether words k-1, k are a two-word sign-off that
// ends in an everyday word: "thank you", "terima kasih", "yang benar".
func (s *scan) signOffPair(k int) bool {
	if k == 0 || s.gap(k) != " " {
		return false
	}
	var first []string
	switch s.lw(k) {
	case "you":
		first = []string{"thank"}
	case "kasih":
		first = []string{"terima"}
	case "benar", "ikhlas":
		first = []string{"yang"}
	case "hilsen":
		first = []string{"venlig"}
	case "regards":
		first = []string{"kind", "best"}
	default:
		return false
	}
	for _, f := range first {
		if s.lw(k-1) == f {
			return true
		}
	}
	return false
}

// endsSignOffPair reports whether a lower-case word can end a two-word
// sign-off (the words signOffPair knows).
func endsSignOffPair(w string) bool {
	switch w {
	case "you", "kasih", "benar", "ikhlas", "hilsen", "regards":
		return true
	}
	return false
}

// lineStartsAt reports whether the sign-off at word k opens its line
// (allowing for one or two words before it: "Med venlig hilsen").
func (s *scan) lineStartsAt(k int) bool {
	for back := 0; back <= 2 && k-back >= 0; back++ {
		g := s.gap(k - back)
		if k-back == 0 || strings.IndexByte(g, '\n') >= 0 {
			return true
		}
		if g != " " {
			return false
		}
	}
	return false
}

// isSignOff reports whether a lower-case word closes a message before the
// writer's name (the word list of signOffs, as a switch: it is asked of
// every word).
func isSignOff(w string) bool {
	switch w {
	case "regards", "best", "thanks", "cheers", "sincerely", "yours", "mvh", "hilsen", "hilsner", "kh", "vh",
		"ikhlas", "daripada", "signed":
		return true
	}
	return false
}

// A message often ends in its writer's name without a sign-off before
// it: after the last sentence ("... with tracking please. — Tamika"),
// on a line of its own, after a slash ("/Dev") or after a chat closing
// ("ta, Shazza", "thx Kenz"); or begins with it on a line of its own
// ("Mbali\nI think the payment bounced").

// maxSignatureWords is the most words a bare signature holds.
const maxSignatureWords = 3

// bareSignatureScore is the confidence of a bare signature: enough to
// stand beside the tagger (ruleKeep) as a name the rules are sure of.
const bareSignatureScore = 0.8

// detectBareSignatures finds the writer's name standing alone at the end
// or the start of a message. It runs after the tagger, whose features it
// leaves alone, and takes nothing the tagger's marks say is a brand, a
// place or another kind of value.
func detectBareSignatures(s *scan) {
	n := len(s.words)
	if n < 3 {
		return
	}
	if tail := strings.TrimSpace(s.text[s.words[n-1].end:]); (tail == "" || tail == "." || tail == "!") &&
		dashBefore(s.gap(n-1)) && s.lowerSignatureWord(n-1) && !s.covered(n-1, bareSignatureScore) {
		// A name in lower case after a dash at the end: "— brodie".
		s.add(Person, s.words[n-1].start, s.words[n-1].end, bareSignatureScore, s.lowerCanon(s.words[n-1].start, s.words[n-1].end))
	}
	if s.caseless {
		return
	}
	// At the end: the last words, after a sentence's end or a closing, or
	// the line before the writer's contact details ("Kwame Osei\n0277
	// 441 009").
	end, numbers := n, [][2]int(nil)
	if c, bare := s.contactTail(); c < n && c > 0 {
		end, numbers = c, bare
	}
	signed, tailEnd := len(s.found), len(s.text)
	if end < n {
		tailEnd = s.lineEnd(end - 1)
	}
	if tail := strings.TrimSpace(s.text[s.words[end-1].end:tailEnd]); tail == "" || tail == "." || tail == "!" {
		n := end
		from := n - 1
		marked := signatureMark(s.gap(n - 1))
		for from > n-maxSignatureWords && s.signatureWord(from-1, marked) && signatureJoin(s.gap(from)) {
			from--
			marked = signatureMark(s.gap(from))
		}
		if s.signatureWord(n-1, marked) && s.signatureWord(from, marked) && (s.signatureBreak(from) || s.gap(from) == ", " && s.listedName(from, n-1)) {
			s.add(Person, s.words[from].start, s.words[n-1].end, bareSignatureScore, s.lowerCanon(s.words[from].start, s.words[n-1].end))
		} else if first, end := s.coSigner(from); first >= 0 && s.signatureWord(n-1, false) && s.signatureWord(from, false) {
			// Two who sign together: "Magnus & Saoirse", "Ruth and Dan".
			s.add(Person, s.words[first].start, s.words[end].end, bareSignatureScore, s.lowerCanon(s.words[first].start, s.words[end].end))
			s.add(Person, s.words[from].start, s.words[n-1].end, bareSignatureScore, s.lowerCanon(s.words[from].start, s.words[n-1].end))
		}
	}
	if end < n && (len(s.found) > signed || s.foundAs(end-1, Person)) {
		// A number alone on a line after the writer's name, shaped like
		// a phone number, is theirs.
		for _, b := range numbers {
			s.add(Phone, b[0], b[1], signaturePhoneScore, onlyDigits(s.text[b[0]:b[1]]))
		}
	}
	// At the start: a name alone on the first line, a sentence after it,
	// perhaps after a dash or a slash ("— M. Ruthven", "/Syaz").
	if lead := strings.TrimSpace(s.gap(0)); lead == "" || signatureMark(lead) {
		marked := lead != ""
		to := 0
		for to+1 < maxSignatureWords && to+1 < n && s.signatureWord(to+1, marked) && signatureJoin(s.gap(to+1)) {
			to++
		}
		if s.signatureWord(0, marked) && to+1 < n && strings.Count(s.gap(to+1), "\n") == 1 && strings.Trim(s.gap(to+1), " \n\r(") == "" &&
			(s.words[to+1].cap || marked) {
			s.add(Person, s.words[0].start, s.words[to].end, bareSignatureScore, s.lowerCanon(s.words[0].start, s.words[to].end))
		}
	}
}

// lineEnd returns the offset of the end of word k's line: its line
// break, or the text's end.
func (s *scan) lineEnd(k int) int {
	if i := strings.IndexByte(s.text[s.words[k].end:], '\n'); i >= 0 {
		return s.words[k].end + i
	}
	return len(s.text)
}

// contactTail returns how many words come before the lines that end a
// message with nothing but the writer's contact details (phone numbers
// and e-mail addresses, perhaps after a label), and the spans of the
// numbers on them that no detector took for a phone number but are shaped
// like one. With no such lines it returns the number of words.
func (s *scan) contactTail() (int, [][2]int) {
	end := len(s.words)
	var bare [][2]int
	for end > 0 {
		from := end - 1
		for from > 0 && !strings.Contains(s.gap(from), "\n") {
			from--
		}
		if from == 0 {
			break // the message's first line: nothing before it to sign
		}
		ok, b := s.contactLine(from, end)
		if !ok {
			break
		}
		if b[1] > 0 {
			bare = append(bare, b)
		}
		end = from
	}
	return end, bare
}

// contactLine reports whether words [from, to) make a line of contact
// details, and returns the span of a number on it shaped like a phone
// number that no detector took for one.
func (s *scan) contactLine(from, to int) (bool, [2]int) {
	digits, start := 0, -1
	for k := from; k < to; k++ {
		w := s.words[k]
		switch {
		case s.foundAs(k, Phone) || s.foundAs(k, Email):
		case w.kind == wDigits:
			if start < 0 {
				start = k
			} else if g := s.gap(k); strings.Trim(g, " -.()") != "" {
				return false, [2]int{}
			}
			digits += w.end - w.start
		case k == from && contactLabels[s.lw(k)]:
		default:
			return false, [2]int{}
		}
	}
	if start < 0 || s.foundAs(start, Phone) {
		return true, [2]int{}
	}
	if digits < 7 || digits > 15 {
		return false, [2]int{}
	}
	a, b := s.words[start].start, s.words[to-1].end
	if a > 0 && s.text[a-1] == '+' {
		a--
	}
	return true, [2]int{a, b}
}

// signaturePhoneScore is the confidence of a number alone on a line of
// the writer's signature: shaped like a phone number, with no word to say
// so.
const signaturePhoneScore = 0.6

// foundAs reports whether word k is inside a finding of type t.
func (s *scan) foundAs(k int, t Type) bool {
	w := s.words[k]
	return s.findingOver(w.start, w.end, func(f Finding) bool { return f.Type == t && f.Start <= w.start && w.end <= f.End })
}

// coSigner returns the first and last words of a name that signs with
// the name starting at word k, joined to it by "&" or "and" ("Magnus &
// Saoirse"), alone after a break; -1 when there is none.
func (s *scan) coSigner(k int) (int, int) {
	end := -1
	switch {
	case k >= 1 && strings.TrimSpace(s.gap(k)) == "&":
		end = k - 1
	case k >= 2 && s.gap(k) == " " && s.gap(k-1) == " " && (s.lw(k-1) == "and" || s.lw(k-1) == "og" || s.lw(k-1) == "dan"):
		end = k - 2
	}
	if end < 0 || !s.signatureWord(end, false) {
		return -1, -1
	}
	first := end
	for first > 0 && end-first < maxSignatureWords-1 && s.signatureWord(first-1, false) && signatureJoin(s.gap(first)) {
		first--
	}
	if !s.signatureBreak(first) || strings.IndexByte(s.gap(first), '\n') < 0 && !signatureMark(s.gap(first)) {
		return -1, -1
	}
	return first, end
}

// signatureMark reports whether the text before a name marks it as a
// signature: a slash or a dash ("/Kit", "-- S.Quigley", "— M. Ruthven").
func signatureMark(g string) bool {
	g = strings.TrimSpace(g)
	g = g[strings.LastIndexByte(g, '\n')+1:]
	switch strings.TrimSpace(g) {
	case "/", "-", "--", "—", "–", "~":
		return true
	}
	return false
}

// listedName reports whether every word of [from, to] is a name of the
// lists: a clause's last words after a comma ("when the assessor is on
// the way, Ciara") are the writer's name only then.
func (s *scan) listedName(from, to int) bool {
	for k := from; k <= to; k++ {
		if s.lex(k)&(lxGiven|lxListGiven|lxSurname|lxListSurname) == 0 {
			return false
		}
	}
	return true
}

// signatureJoin reports whether a gap joins two words of a name.
func signatureJoin(g string) bool { return g == " " || g == "-" || g == ". " }

// signatureBreak reports whether what stands before word k ends what the
// message said: a sentence's end, a line break, a dash or a slash, or a
// closing word of chat ("ta", "thx", "cheers").
func (s *scan) signatureBreak(k int) bool {
	g := s.gap(k)
	if strings.ContainsAny(g, ".!?\n/") || strings.Contains(g, "—") || strings.Contains(g, "–") || strings.Contains(g, "- ") {
		return !hasPlaceholder(g)
	}
	return k > 0 && (g == " " || g == ", ") && (isSignOff(s.lw(k-1)) || chatClosings[s.lw(k-1)])
}

// chatClosings close a chat message before the writer's name: thanks
// in chat shorthand and in the languages customers switch to.
var chatClosings = map[string]bool{
	"ta": true, "thx": true, "thnx": true, "ty": true, "tq": true, "tqvm": true, "tks": true, "tak": true,
	"merci": true, "gracias": true, "danke": true, "grazie": true, "obrigado": true, "obrigada": true,
	"salamat": true, "arigato": true, "dankie": true, "asante": true, "shukran": true, "spasibo": true,
	"kiitos": true, "dziękuję": true, "dank": true, "takk": true, "tack": true,
}

// signatureWord reports whether word k can be a word of a bare signature
// (marked: after a slash or a dash, which say so):
// a capitalised word that is not an everyday word (unless a name list
// holds it and it is no common word too), a function word, a month, a
// place, a word of an address or a company, a greeting or a closing.
// dashBefore reports whether a gap between two words ends with a dash or
// a slash that stands apart, after a space or a line break: "digits. —
// brodie", "\n-mo", not "3994x1887-fax".
func dashBefore(g string) bool {
	t := strings.TrimRight(g, " ")
	for _, d := range []string{"—", "–", "--", "-", "/", "~"} {
		if rest, ok := strings.CutSuffix(t, d); ok {
			return strings.HasSuffix(rest, " ") || strings.HasSuffix(rest, "\n")
		}
	}
	return false
}

// lowerSignatureWord reports whether word k, in lower case, may be a
// name that signs a message after a dash: a word no dictionary knows, or
// a listed given name, and nothing the lists or the rules call another
// thing.
func (s *scan) lowerSignatureWord(k int) bool {
	w := s.words[k]
	if w.kind != wLetters || w.cap || w.upper || w.end-w.start < 2 || chatClosings[s.lw(k)] {
		return false
	}
	f := s.lex(k)
	if f&(lxStop|lxNotName|lxGreeting|lxSignOff|lxMonth|lxCountry|lxStreet|lxStreetPre|lxUnit|lxOrg|lxHonorific|lxCommon) != 0 {
		return false
	}
	if len(s.ruleMark) == len(s.words) && s.ruleMark[k]&(rmNotName|rmNever|rmStructured|rmAddress|rmLocation) != 0 {
		return false
	}
	return f&lxDict == 0 || f&(lxGiven|lxListGiven) != 0
}

func (s *scan) signatureWord(k int, marked bool) bool {
	if k < 0 || k >= len(s.words) {
		return false
	}
	w := s.words[k]
	if marked && w.kind == wLetters && w.end-w.start == 1 && (w.cap || w.upper) && k+1 < len(s.words) && strings.HasPrefix(s.gap(k+1), ".") {
		return true // an initial: "M. Ruthven", "S.Quigley"
	}
	if w.kind != wLetters || !w.cap || w.upper && w.end-w.start <= 4 || s.placeholders && hasPlaceholder(s.text[max(0, w.start-1):min(len(s.text), w.end+1)]) {
		return false
	}
	f := s.lex(k)
	if f&(lxStop|lxNotName|lxGreeting|lxSignOff|lxMonth|lxCountry|lxStreet|lxStreetPre|lxUnit|lxOrg|lxHonorific) != 0 {
		return false
	}
	if chatClosings[s.lw(k)] {
		return false
	}
	if len(s.ruleMark) == len(s.words) && s.ruleMark[k]&(rmNotName|rmNever|rmStructured|rmAddress|rmLocation) != 0 {
		return false // a brand, shop or place, or what the rules took for something else
	}
	if f&lxDict != 0 {
		// After a slash or a dash, a capitalised word is the writer's
		// name even when it is an everyday word too ("/Kit", "— Rose").
		return marked || f&(lxGiven|lxListGiven|lxSurname) != 0 && f&lxCommon == 0
	}
	return true
}

// A name the tagger found often stops at its given name when the family
// name after it is one no list holds ("Rohit Khandelwal", "hollie
// fenwick", "amrit grewal-sandhu", "Sione Tupou"): the words right after
// it, on its line, that can only be a name are taken into it.

// maxNameTail is how many words a name is extended over.
const maxNameTail = 2

// extendNames extends the Latin-script names found over the family names
// after them.
func extendNames(s *scan) {
	if len(s.words) < 2 {
		return
	}
	for i := range s.found {
		f := &s.found[i]
		if f.Type != Person || s.cjkAt(f.Start) {
			continue
		}
		last := s.wordAt(f.End - 1)
		if last >= len(s.words) || s.words[last].end != f.End {
			continue
		}
		k := last
		if j := s.particleTail(last); j > last && s.ownedBy(j, f) {
			k = j // "Hassan al-Farsi", "Maria de la Cruz"
		}
		for n := 0; n < maxNameTail && k+1 < len(s.words) && s.tailWord(k+1, last) && s.ownedBy(k+1, f); n++ {
			k++
		}
		if k > last {
			f.End = s.words[k].end
			f.canon = s.lowerCanon(f.Start, f.End)
		}
	}
}

// joinHyphenated grows a name over a hyphenated name right before or
// after it ("Pieter-Jan" of "Pieter-Jan van der Linden", "kalle-pekka" of
// "kalle-pekka ahonen"): the tagger knows the parts of a double name less
// well than the names beside it. The hyphenated word is written in the
// name's case, and each of its parts could be a name.
func joinHyphenated(s *scan) {
	for i := range s.found {
		f := &s.found[i]
		if f.Type != Person || s.cjkAt(f.Start) {
			continue
		}
		first, last := s.wordAt(f.Start), s.wordAt(f.End-1)
		if first >= len(s.words) || last >= len(s.words) || s.words[first].start != f.Start || s.words[last].end != f.End {
			continue
		}
		from, to := first, last
		if from > 0 && s.gap(from) == " " && s.hyphenName(from-1, first) && s.ownedBy(from-1, f) {
			from--
		}
		if to+1 < len(s.words) && s.gap(to+1) == " " && s.hyphenName(to+1, first) && s.ownedBy(to+1, f) {
			to++
		}
		// An initial before or after the name: "j. kowalski", "chloe b".
		for from > 0 && s.initialAt(from-1) && (s.gap(from) == ". " || s.gap(from) == "." || s.gap(from) == " ") && s.ownedBy(from-1, f) {
			from--
		}
		if to+1 < len(s.words) && s.gap(to+1) == " " && s.initialAt(to+1) && to == last &&
			s.lex(last)&(lxGiven|lxListGiven) != 0 && (to+2 >= len(s.words) || s.gap(to+2) != " " || !s.words[to+2].cap) && s.ownedBy(to+1, f) {
			to++ // "chloe b", "sam o": a given name and the initial of the family name
		}
		if from < first || to > last {
			f.Start, f.End = s.words[from].start, s.words[to].end
			f.canon = s.lowerCanon(f.Start, f.End)
		}
	}
}

// initialAt reports whether word k is a lone letter that can be an
// initial: not the words "a", "i" and "u", not "x", which Malay writes
// for "not", and not a letter after an apostrophe.
func (s *scan) initialAt(k int) bool {
	w := s.words[k]
	if w.kind != wLetters || w.end-w.start != 1 || strings.HasSuffix(s.gap(k), "'") || strings.HasSuffix(s.gap(k), "’") {
		return false // the "m" of "I'm", the "s" of "Anna's"
	}
	switch s.lower[w.start] {
	case 'a', 'i', 'u', 'x':
		return false
	}
	return true
}

// hyphenName reports whether word k is a hyphenated name written in the
// case of word first, the name found beside it: parts of two letters or
// more, each in that case (capitalised, capitals, or lower case), none a
// function word.
func (s *scan) hyphenName(k, first int) bool {
	w, n := s.words[k], s.words[first]
	v := s.text[w.start:w.end]
	if w.kind != wLetters || !strings.Contains(v, "-") || s.lex(k)&(lxStop|lxGreeting|lxSignOff|lxStreet|lxStreetPre|lxUnit|lxOrg) != 0 {
		return false
	}
	for part := range strings.SplitSeq(v, "-") {
		if utf8.RuneCountInString(part) < 2 || lexTable.get(strings.ToLower(part))&(lxStop|lxDict|lxMonth) != 0 && lexTable.get(strings.ToLower(part))&(lxGiven|lxSurname|lxListGiven|lxListSurname) == 0 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(part)
		upper := strings.ToUpper(part) == part
		switch {
		case n.upper:
			if !upper {
				return false
			}
		case n.cap:
			if !unicode.IsUpper(r) || upper {
				return false
			}
		default:
			if strings.ToLower(part) != part {
				return false
			}
		}
	}
	return true
}

// patronymics join a Malay name to the father's: bin, binti.
var patronymics = map[string]bool{"bin": true, "binti": true, "bt": true, "bte": true, "binte": true}

// particleTail returns the last word of a family name that one or two
// particles in lower case join to the name ending with word last ("al-"
// of "Hassan al-Farsi", "van der" of "Anouk van der Berg"): the word after
// them is capitalised and can only be a family name. It returns last when
// there is none.
func (s *scan) particleTail(last int) int {
	if !s.words[last].cap {
		// In lower case, only a patronymic joins: "nur syafiqah binti
		// ahmad".
		if j := last + 2; j < len(s.words) && s.gap(last+1) == " " && patronymics[s.lw(last+1)] && s.gap(j) == " " &&
			!s.words[j].cap && !s.words[j].upper && s.tailWord(j, last) {
			return j
		}
		return last
	}
	if j := last + 1; j < len(s.words) && s.gap(j) == " " && s.particleJoined(j) {
		return j // "al-Hashmi": the particle and the name one word
	}
	j := last + 1
	for n := 0; n < 2 && j < len(s.words) && (s.gap(j) == " " || s.gap(j) == "-" && n > 0) &&
		s.words[j].kind == wLetters && !s.words[j].cap && !s.words[j].upper && s.lex(j)&lxParticle != 0; n++ {
		j++
	}
	if j == last+1 || j >= len(s.words) || s.gap(j) != " " && s.gap(j) != "-" || !s.words[j].cap || !s.tailWord(j, last) {
		return last
	}
	return j
}

// particleJoined reports whether word k is a family name with its
// particle joined by a hyphen: a particle in lower case, "-", and a
// capitalised rest ("al-Hashmi", "el-Sayed", "bin-Yusof").
func (s *scan) particleJoined(k int) bool {
	w := s.text[s.words[k].start:s.words[k].end]
	p, rest, ok := strings.Cut(w, "-")
	if !ok || rest == "" || p != strings.ToLower(p) || lexTable.get(p)&lxParticle == 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r) && !strings.Contains(rest, "-")
}

// tailWord reports whether word k, after the name ending with word last,
// can only be a family name: joined by a space or a hyphen, in the
// name's case, no everyday word (unless a name list knows it), function
// word, place, month, word of an address or a company, no greeting or
// closing, and nothing the rules took for another value.
func (s *scan) tailWord(k, last int) bool {
	w, prev := s.words[k], s.words[last]
	if g := s.gap(k); g != " " && g != "-" || w.kind != wLetters || w.end-w.start < 2 {
		return false
	}
	switch {
	case prev.upper && !s.shouting:
		if !w.upper {
			return false
		}
	case prev.cap:
		if !w.cap {
			return false
		}
	default:
		if w.cap || w.upper || w.end-w.start < 4 {
			return false
		}
	}
	f := s.lex(k)
	if f&(lxStop|lxNotName|lxGreeting|lxSignOff|lxMonth|lxCountry|lxStreet|lxStreetPre|lxUnit|lxOrg|lxHonorific|lxSuffix) != 0 {
		return false
	}
	if f&lxDict != 0 && f&(lxSurname|lxListSurname) == 0 {
		return false
	}
	if len(s.ruleMark) == len(s.words) && s.ruleMark[k]&(rmNotName|rmNever|rmStructured|rmAddress|rmLocation) != 0 {
		return false
	}
	return !s.placeholders || !hasPlaceholder(s.text[max(0, w.start-1):min(len(s.text), w.end+1)])
}

// ownedBy reports whether no finding of another type than f's covers
// word k: a name may run into another name, not into a phone or an
// address.
func (s *scan) ownedBy(k int, f *Finding) bool {
	w := s.words[k]
	for i := range s.found {
		g := &s.found[i]
		if g != f && g.Start < w.end && w.start < g.End && g.Type != Person {
			return false
		}
	}
	return true
}

// chatParticles end a Malay chat sentence ("terima kasih ye", "ok la"),
// and farewells and the words that complete a greeting end or make a
// message of courtesy in lower case ("thanks, bye", "hej igen", "hi
// everyone"): a name of nothing but them is none.
var chatParticles = map[string]bool{"ye": true, "yer": true, "ya": true, "je": true, "jer": true, "la": true,
	"lah": true, "kot": true, "tau": true, "gak": true, "k": true,
	"bye": true, "byebye": true, "goodbye": true, "laters": true, "cya": true, "ciao": true, "farvel": true,
	"dadah": true, "igen": true, "again": true, "everyone": true, "semua": true, "alle": true}

// dropParticleNames removes the names made only of chat particles and
// courtesy.
func (s *scan) dropParticleNames() { s.dropNames(s.onlyParticles) }

// dropPossessedBrands removes the names that open with a possessive and
// go on with a brand's word, a capital inside it: "My WhatsApp is ...".
// A name opens with no "my" ("My Sarah" is found as Sarah).
func (s *scan) dropPossessedBrands() { s.dropNames(s.possessedBrand) }

// possessedBrand reports whether f opens with my, our or your and the rest
// is one word with a capital inside it.
func (s *scan) possessedBrand(f Finding) bool {
	k := s.wordAt(f.Start)
	if k+1 >= len(s.words) || s.words[k+1].start >= f.End || s.words[k+1].end < f.End {
		return false // not two words exactly
	}
	switch s.lw(k) {
	case "my", "our", "your", "min", "mit", "vores", "din", "dit":
		return innerCapital(s.tw(k + 1))
	}
	return false
}

// dropNames removes the names outside Chinese text that drop reports.
func (s *scan) dropNames(drop func(Finding) bool) {
	kept := s.found[:0]
	for _, f := range s.found {
		if f.Type == Person && !s.cjkAt(f.Start) && drop(f) {
			continue
		}
		kept = append(kept, f)
	}
	s.found = kept
}

// dropGreetedWords removes the names found right after a greeting that
// are words in lower case with an everyday word among them that no name
// list holds ("hi ada masalah", "hello, mohon maklumat lanjut"): they say
// what the message is about, they greet no one. Lower-case names the
// lists know ("hi will smith", "hej mette") stay, as do words no
// dictionary knows ("hi rosnah qistina").
func (s *scan) dropGreetedWords() { s.dropNames(s.greetedEveryday) }

// greetedEveryday reports whether f follows a greeting and is made of
// lower-case words, one of them an everyday word no name list holds, and
// none a name that is no everyday word too ("ada" is a name and Malay for
// "there is").
func (s *scan) greetedEveryday(f Finding) bool {
	first := s.wordAt(f.Start)
	if first <= 0 || first >= len(s.words) || s.lex(first-1)&lxGreeting == 0 {
		return false
	}
	const names = lxGiven | lxSurname | lxCommon | lxListGiven | lxListSurname
	plain := false
	for k := first; k < len(s.words) && s.words[k].start < f.End; k++ {
		lx := s.lex(k)
		if s.words[k].cap || s.words[k].upper || lx&names != 0 && lx&lxDict == 0 {
			return false
		}
		plain = plain || lx&lxDict != 0 && lx&names == 0
	}
	return plain
}

// dropGreetedBusinesses removes the names a message opens by greeting
// that name the business written to: "Hi Emirates,", "Dear Meralco,",
// "Hello Chunghwa Telecom,". Customers greet the company by its name as
// often as the agent by theirs; the agent's name is one the lists know
// ("Hi Faith,", "Hej Mette"), the company's is not, or has a word of
// trade in it or a capital inside a word (VPBank, EgyptAir).
func (s *scan) dropGreetedBusinesses() { s.dropNames(s.greetedBusiness) }

// greetedBusiness reports whether f is the addressee of the greeting that
// opens the message, ends its clause, and names no one the lists know.
func (s *scan) greetedBusiness(f Finding) bool {
	first := s.wordAt(f.Start)
	if first != 1 || s.lex(0)&lxGreeting == 0 || strings.TrimSpace(s.gap(0)) != "" {
		return false
	}
	last := first
	for last+1 < len(s.words) && s.words[last+1].start < f.End {
		last++
	}
	if last+1 < len(s.words) {
		if g := strings.TrimLeft(s.gap(last+1), " "); g == "" || !strings.ContainsAny(g[:1], ",!\n:;-") {
			return false
		}
	}
	const names = lxGiven | lxSurname | lxCommon | lxListGiven | lxListSurname
	for k := first; k <= last; k++ {
		if s.tradeWord(k, tradeAfter) || innerCapital(s.tw(k)) {
			return true
		}
	}
	for k := first; k <= last; k++ {
		if s.lex(k)&names != 0 || !s.words[k].cap {
			return false
		}
	}
	return true
}

// innerCapital reports whether a word has a capital after a lower-case
// letter, as brands are written (VPBank, MultiChoice) and names are not
// (McDonald and MacLeod aside: a capital after Mc or Mac is a name's).
func innerCapital(w string) bool {
	prevLower := false
	for i, r := range w {
		if unicode.IsUpper(r) && prevLower && !strings.HasSuffix(w[:i], "Mc") && !strings.HasSuffix(w[:i], "Mac") {
			return true
		}
		prevLower = unicode.IsLower(r)
	}
	return false
}

// onlyParticles reports whether every word of f is a chat particle.
func (s *scan) onlyParticles(f Finding) bool {
	n := 0
	for k := s.wordAt(f.Start); k < len(s.words) && s.words[k].start < f.End; k++ {
		if !chatParticles[s.lw(k)] {
			return false
		}
		n++
	}
	return n > 0
}

// After the tagger, a cue that announces a name decides for words no list
// knows: "I am Chebet Kiprotich", "transfers to Temitope Akinwande", "her
// name is siobhan mcgettigan". The tagger, trained on names of the lists
// and shapes like theirs, is unsure of names from nowhere; the cue is
// not.

// cuedNameScore is the confidence of a name the cue decides.
const cuedNameScore = 0.8

// detectCuedNames adds, after a strong cue, the one to three words up to
// the end of the clause that can be a name, in any case; after a weak cue
// ("I am", "to", "for"), two or three capitalised words that no list or
// dictionary knows.
func detectCuedNames(s *scan) {
	for k := 1; k < len(s.words); k++ {
		if s.words[k].kind != wLetters || s.covered(k, cuedNameScore) {
			continue
		}
		cue := s.cueBefore(k)
		if addressEndWords[s.lw(k-1)] && s.gap(k) == " " {
			cue = cueStrong // "FAO Alasdair Crichton", after an address
		}
		if cue == cueNone && s.calledAfter(k) {
			cue = cueStrong // "a lad called Jordan", "seorang staf bernama Aini"
		}
		if cue == cueNone && k >= 2 && s.lw(k-1) == "me" && (s.lw(k-2) == "its" || s.lw(k-2) == "it's" || s.lw(k-2) == "is") &&
			s.words[k].cap && s.gap(k) == " " {
			cue = cueStrong // "its me Osric, from earlier"
		}
		if cue != cueStrong && s.appositionBefore(k) {
			// "I, Ikechukwu Onwuegbuzie, have changed my address", "my
			// name, Georgia Papadopoulou, in May": the words between the
			// commas, capitalised, and no everyday word.
			j := k
			for j < len(s.words) && j < k+4 && s.words[j].cap && s.cuedNameWord(j, cueWeak) && (j == k || signatureJoin(s.gap(j))) {
				j++
			}
			if j > k && j < len(s.words) && strings.HasPrefix(s.gap(j), ",") {
				s.add(Person, s.words[k].start, s.words[j-1].end, cuedNameScore, s.lowerCanon(s.words[k].start, s.words[j-1].end))
				k = j - 1
				continue
			}
		}
		if cue != cueStrong && s.words[k].cap && (s.kinBefore(k) || s.kinAfterRun(k)) {
			// "registered to my father, Thambirajah Sivakumar.", "it's
			// for Nneka, my sister": a relation and a name side by side,
			// between commas. Capitalised words, no everyday word.
			j := k
			for j < len(s.words) && j < k+4 && s.words[j].cap && s.cuedNameWord(j, cueWeak) && (j == k || signatureJoin(s.gap(j))) {
				j++
			}
			if j > k && (j == len(s.words) || strings.ContainsAny(s.gap(j)[:1], ",.;!?\n")) {
				s.add(Person, s.words[k].start, s.words[j-1].end, cuedNameScore, s.lowerCanon(s.words[k].start, s.words[j-1].end))
				k = j - 1
				continue
			}
		}
		if cue == cueNone && s.theNameBefore(k) && s.cueableName(k) {
			cue = cueStrong // "shows the name ABEBE BEKELE", "full name abebe girma"
		}
		if cue != cueStrong && (s.nameIsBefore(k) || s.backAgain(k)) && s.cueableName(k) {
			cue = cueStrong // "the name on the parcel is gemma", "its bex again"
		}
		if cue == cueWeak && s.speechPartnerBefore(k) && s.words[k].cap && !s.words[k].upper &&
			s.cuedNameWord(k, cueWeak) && (k+1 >= len(s.words) || !s.gapInside(k+1) || !s.words[k+1].cap) {
			// "I spoke to Rashida yesterday": one capitalised word no
			// dictionary holds, after the words of speaking to someone.
			s.add(Person, s.words[k].start, s.words[k].end, cuedNameScore, s.lowerCanon(s.words[k].start, s.words[k].end))
			continue
		}
		if cue == cueNone && s.namedAfter(k) && s.cuedNameWord(k, cueStrong) {
			// "Ptolemy is my actual first name"
			s.add(Person, s.words[k].start, s.words[k].end, cuedNameScore, s.lowerCanon(s.words[k].start, s.words[k].end))
			continue
		}
		if cue != cueStrong && cue != cueWeak {
			continue
		}
		// Up to three names, a double-barrelled one counting once
		// (Anne-Grethe Møller-Kjær).
		j, n := k, 0
		for j < len(s.words) && s.cuedNameWord(j, cue) && (j == k || signatureJoin(s.gap(j)) && s.sameCase(k, j)) {
			if j == k || s.gap(j) != "-" {
				n++
			}
			if n > 3 {
				break
			}
			j++
		}
		if n == 0 || j < len(s.words) && s.gapInside(j) && s.gap(j) == " " && s.words[j].kind == wLetters && s.words[j].cap {
			continue // the run goes on past three words: no name
		}
		if cue == cueWeak && (n < 2 || !s.words[k].cap && !s.words[k].upper) {
			continue
		}
		start, end := s.words[k].start, s.words[j-1].end
		s.add(Person, start, end, cuedNameScore, s.lowerCanon(start, end))
		k = j - 1
	}
}

// kinBefore reports whether word k follows a relation of the customer's
// and a comma: "my father, Thambirajah Sivakumar".
func (s *scan) kinBefore(k int) bool {
	if k < 2 || s.gap(k) != ", " {
		return false
	}
	return slices.Contains(kinNameCues, s.lower[s.words[k-2].start:s.words[k-1].end])
}

// kinAfterRun reports whether the capitalised words from k (up to three)
// are followed by a comma and a relation of the customer's: "Nneka, my
// sister".
func (s *scan) kinAfterRun(k int) bool {
	j := k
	for j < len(s.words) && j < k+3 && s.words[j].cap && (j == k || s.gap(j) == " ") {
		j++
	}
	if j+1 >= len(s.words) || s.gap(j) != ", " {
		return false
	}
	return slices.Contains(kinNameCues, s.lower[s.words[j].start:s.words[j+1].end])
}

// theNameBefore reports whether word k follows "the name", "full name" or
// "name" after a possessive: "shows the name ABEBE BEKELE", "full name
// abebe girma". "The name on the parcel is gemma" is read by nameIsBefore.
func (s *scan) theNameBefore(k int) bool {
	if k < 2 || s.gap(k) != " " || s.lw(k-1) != "name" {
		return false
	}
	if g := strings.TrimSpace(s.gap(k - 1)); g == "," || g == ";" {
		return true // a field of a list: "NIC 199876503817, name Chamari Wickramasinghe, address"
	}
	if s.gap(k-1) != " " {
		return false
	}
	switch s.lw(k - 2) {
	case "the", "full", "my", "her", "his", "their", "passenger", "first", "last", "legal":
		return true
	}
	return false
}

// appositionBefore reports whether word k follows "I," or "my name,"
// opening an apposition: "I, Ikechukwu Onwuegbuzie, have changed ...".
func (s *scan) appositionBefore(k int) bool {
	if k < 1 || s.gap(k) != ", " {
		return false
	}
	switch {
	case s.lw(k-1) == "i" && s.text[s.words[k-1].start] == 'I':
		return true
	case s.lw(k-1) == "name" && k >= 2 && (s.lw(k-2) == "my" || s.lw(k-2) == "the"):
		return true
	}
	return false
}

// cueableName reports whether word k can be a name after a cue that the
// tagger does not read: capitalised, or in lower case no everyday word
// ("its fine again" is none).
func (s *scan) cueableName(k int) bool {
	w, f := s.words[k], s.lex(k)
	return w.cap || w.upper || f&(lxDict|lxCommon) == 0
}

// speechPartnerBefore reports whether the words before word k speak of
// talking to someone: "spoke to", "talked with", "asked for", "chatted
// with".
func (s *scan) speechPartnerBefore(k int) bool {
	if k < 2 || s.gap(k) != " " || s.gap(k-1) != " " {
		return false
	}
	switch s.lw(k - 1) {
	case "to", "with":
		switch s.lw(k - 2) {
		case "spoke", "speak", "speaking", "talked", "talk", "talking", "chatted", "chatting", "chat", "spoken":
			return true
		}
	case "for":
		return s.lw(k-2) == "asked" || s.lw(k-2) == "ask"
	}
	return false
}

// nameIsBefore reports whether word k follows "name ... is" within a few
// words: "the name on the parcel is gemma", "name for the booking is
// Aroha", "the name should be Tui".
func (s *scan) nameIsBefore(k int) bool {
	if k < 2 || s.gap(k) != " " {
		return false
	}
	j := k - 1
	switch s.lw(j) {
	case "is", "was":
	case "be":
		if j < 1 || s.lw(j-1) != "should" && s.lw(j-1) != "will" {
			return false
		}
		j--
	default:
		return false
	}
	for i := j - 1; i >= 0 && i >= j-5; i-- {
		if s.gap(i+1) != " " {
			return false
		}
		switch s.lw(i) {
		case "name", "names":
			return i == 0 || s.lw(i-1) != "my" || i+1 < j // "my name is" is the tagger's own cue
		case "it", "this", "that", "which", "what":
			return false
		}
	}
	return false
}

// backAgain reports whether word k is a name the writer gives on coming
// back: "its bex again", "it's Priya here", "hey its sam again".
func (s *scan) backAgain(k int) bool {
	if k < 1 || k+1 >= len(s.words) || s.gap(k) != " " || s.gap(k+1) != " " && !strings.HasPrefix(s.gap(k+1), ",") {
		return false
	}
	switch s.lw(k - 1) {
	case "its", "it's":
	default:
		return false
	}
	if k >= 2 && !s.clauseEndsAfter(k-2) && s.lw(k-2) != "hi" && s.lw(k-2) != "hey" && s.lw(k-2) != "hello" && s.lw(k-2) != "yo" {
		return false
	}
	next := s.lw(k + 1)
	return next == "again" || next == "here"
}

// calledPeople are the words for a person before "called" or "named".
var calledPeople = map[string]bool{"guy": true, "lad": true, "man": true, "woman": true, "lady": true, "girl": true,
	"boy": true, "bloke": true, "chap": true, "fella": true, "gentleman": true, "someone": true, "somebody": true,
	"person": true, "agent": true, "advisor": true, "adviser": true, "engineer": true, "technician": true,
	"driver": true, "courier": true, "rep": true, "colleague": true, "staff": true, "staf": true, "orang": true,
	"seorang": true, "pegawai": true, "lelaki": true, "perempuan": true, "wanita": true}

// calledAfter reports whether word k follows a word for a person and
// "called" or "named" ("a lad called Jordan", "staf bernama Aini").
func (s *scan) calledAfter(k int) bool {
	if k < 2 || s.gap(k) != " " || s.gap(k-1) != " " {
		return false
	}
	switch s.lw(k - 1) {
	case "called", "named", "bernama":
		return calledPeople[s.lw(k-2)]
	}
	return false
}

// sameCase reports whether word j may go on a name that word k begins: a
// name begun with a capital goes on with capitals, or a particle (van,
// bin); one begun in lower case goes on in any case.
func (s *scan) sameCase(k, j int) bool {
	w := s.words[j]
	return !s.words[k].cap && !s.words[k].upper || w.cap || w.upper || s.lex(j)&lxParticle != 0
}

// namedAfter reports whether the words after word k say it is the
// writer's name: "is my (actual, first, last ...) name", "er mit navn".
func (s *scan) namedAfter(k int) bool {
	j := k + 1
	word := func(w ...string) bool {
		if j >= len(s.words) || s.gap(j) != " " {
			return false
		}
		for _, x := range w {
			if s.lw(j) == x {
				j++
				return true
			}
		}
		return false
	}
	switch {
	case word("is", "er"):
		if !word("my", "mit") {
			return false
		}
	default:
		return false
	}
	for n := 0; n < 2 && word("actual", "real", "first", "last", "full", "middle", "maiden", "given", "family", "legal", "rigtige", "fulde"); n++ {
	}
	return word("name", "navn", "fornavn", "efternavn", "surname")
}

// cuedNameWord reports whether word k can be a word of a name after a
// cue: no function word, month, place, word of an address or company; no
// everyday word unless a name list knows it; after a weak cue, no word any
// list knows at all, and capitalised.
func (s *scan) cuedNameWord(k, cue int) bool {
	w := s.words[k]
	f := s.lex(k)
	// After a strong cue, a given name that is also a country's is the
	// name ("a lad called Jordan").
	place := lxCountry
	never := rmNever | rmLocation
	if cue == cueStrong && f&(lxGiven|lxListGiven) != 0 && f&lxStop == 0 {
		place, never = 0, 0
	}
	if w.kind != wLetters || len(s.ruleMark) == len(s.words) && s.ruleMark[k]&(rmNotName|never|rmStructured|rmAddress) != 0 {
		return false
	}
	if f&(lxStop|lxNotName|lxGreeting|lxSignOff|lxMonth|place|lxStreet|lxStreetPre|lxUnit|lxOrg|lxSuffix) != 0 {
		return false
	}
	if cue == cueWeak {
		return (w.cap || w.upper) && f&(lxDict|lxCommon) == 0 && w.end-w.start >= 3
	}
	if cueLabels[s.lw(k)] {
		return false // "under the name name": the label, not the name
	}
	if !w.cap && !w.upper {
		// In lower case, no everyday word begins the name ("nama ayah
		// saya": father's name), and no title stands before it ("dr
		// martens" is boots).
		first := k == 0 || s.cueBefore(k) == cueStrong
		if first && (f&lxDict != 0 || k > 0 && s.lex(k-1)&lxHonorific != 0) {
			return false
		}
	}
	return f&lxDict == 0 || f&nameFlags != 0 && f&lxCommon == 0
}

// cueLabels are the words of the labels that announce a name.
var cueLabels = map[string]bool{"name": true, "names": true, "navn": true, "navnet": true, "nama": true, "holder": true}

// covered reports whether a finding scoring min or more already covers
// word k.
func (s *scan) covered(k int, min float64) bool {
	w := s.words[k]
	return s.findingOver(w.start, w.end, func(f Finding) bool { return f.Score >= min })
}

// maxPropagatedNeighbours is how many words beside a name found again may
// join it on each side: a given name before a family name, a family name
// after a given name.
const maxPropagatedNeighbours = 2

// propagateNames finds again, elsewhere in the message, a word of a name
// it found: "his name was ANGUS MACLEOD ... send any letters to me, MORAG
// MACLEOD" (the family name of the first makes the second a name, with
// the given name beside it), "Rami Alhadad" after "Rami al-Haddad",
// "Aliyu Bello" after "Abdulrahman Bello". Only words no dictionary holds
// as an everyday word are found again, and only where nothing else was
// found.
func propagateNames(s *scan) {
	var known map[string]bool
	for _, f := range s.found {
		// A name of two words or more vouches for its words; one word
		// alone ("Hi, Tet is coming") is too often something else.
		if f.Type != Person || f.Score < cuedNameScore || s.cjkAt(f.Start) || s.wordAt(f.Start) >= s.wordAt(f.End-1) {
			continue
		}
		for k := s.wordAt(f.Start); k < len(s.words) && s.words[k].start < f.End; k++ {
			if s.words[k].start >= f.Start && s.propagatable(k) {
				if known == nil {
					known = map[string]bool{}
				}
				known[s.lw(k)] = true
			}
		}
	}
	if known == nil {
		return
	}
	for k := 0; k < len(s.words); k++ {
		w := s.words[k]
		if !known[s.lw(k)] || !(w.cap || w.upper || s.caseless) || s.covered(k, minFound) {
			continue
		}
		from, to := k, k
		for n := 0; n < maxPropagatedNeighbours && from > 0 && s.gap(from) == " " && s.nameNeighbour(from-1, w) && !s.covered(from-1, minFound); n++ {
			from--
		}
		for n := 0; n < maxPropagatedNeighbours && to+1 < len(s.words) && s.gap(to+1) == " " && s.nameNeighbour(to+1, w) && !s.covered(to+1, minFound); n++ {
			to++
		}
		if s.firmAfter(to) || s.ampersandAfter(to) {
			k = to
			continue // "Okafor & Sons Ltd", "Dawes Panel & Paint": a firm's name
		}
		s.add(Person, s.words[from].start, s.words[to].end, cuedNameScore, s.lowerCanon(s.words[from].start, s.words[to].end))
		k = to
	}
}

// minFound is the score of a finding that keeps a word from being found
// again as part of a name: the redactor's default threshold.
const minFound = 0.5

// ampersandAfter reports whether an "&" follows word k within the
// capitalised words after it: "Okafor & Sons", "Dawes Panel & Paint".
func (s *scan) ampersandAfter(k int) bool {
	for j := k + 1; j < len(s.words) && j <= k+3; j++ {
		if strings.Contains(s.gap(j), "&") {
			return true
		}
		if !s.words[j].cap && !s.words[j].upper {
			return false
		}
	}
	return false
}

// propagatable reports whether word k of a name found can vouch for the
// same word elsewhere: a word of letters no dictionary holds as an
// everyday word, nor one of the lexicon's words that are never names.
func (s *scan) propagatable(k int) bool {
	w := s.words[k]
	if w.kind != wLetters || w.end-w.start < 3 {
		return false
	}
	f := s.lex(k)
	if f&(lxCommon|lxStop|lxNotName|lxHonorific|lxParticle|lxSuffix|lxOrg|lxStreet|lxStreetPre|lxUnit|lxCountry|lxMonth|lxGreeting|lxSignOff) != 0 {
		return false
	}
	return f&lxDict == 0
}

// nameNeighbour reports whether word k, beside a name found again (like),
// is part of it: a word of letters in the same case, no everyday word
// (unless a list holds it as a name), nor a word that is never a name,
// nor one the rules took for a brand, a place or another value.
func (s *scan) nameNeighbour(k int, like word) bool {
	w := s.words[k]
	if w.kind != wLetters || w.end-w.start < 2 || w.upper != like.upper || !w.upper && !w.cap && !s.caseless {
		return false
	}
	f := s.lex(k)
	if f&(lxCommon|lxStop|lxNotName|lxHonorific|lxSuffix|lxOrg|lxStreet|lxStreetPre|lxUnit|lxCountry|lxMonth|lxGreeting|lxSignOff) != 0 {
		return false
	}
	if len(s.ruleMark) == len(s.words) && s.ruleMark[k]&(rmNotName|rmNever|rmStructured|rmAddress|rmLocation) != 0 {
		return false
	}
	return f&lxDict == 0 || f&(lxGiven|lxListGiven|lxSurname|lxListSurname) != 0
}
