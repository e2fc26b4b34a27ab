package redact

import "strings"

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
		"ikhlas", "daripada", "signed", "danke", "merci", "gracias", "grazie", "obrigado", "obrigada", "dankie",
		"kiitos", "salamat":
		return true
	}
	return false
}

// closingNameScore is the score of a name that closes a message without a
// sign-off word before it: evidence for the tagger, which decides.
const closingNameScore = 0.6

// detectClosingName finds the writer's name that ends a message after
// its last sentence, a dash, a slash or a short thanks, with no sign-off
// word of the lists before it: "I'll be at work til 5. ta, Shazza",
// "text me with tracking please. — Tamika", "...\n/Dev", "thx Kenz".
func detectClosingName(s *scan) {
	n := len(s.words)
	if n < 2 || s.words[n-1].kind != wLetters {
		return
	}
	for _, c := range s.gap(n) {
		switch c {
		case ' ', '\t', '\r', '\n', '.', '!', ')':
		default:
			return // something else follows: the name does not close the message
		}
	}
	from := n - 1
	for from > 0 && n-from < 3 && s.closingNameWord(from-1) && (s.gap(from) == " " || s.gap(from) == "-") {
		from--
	}
	for from < n && !s.closingNameWord(from) {
		from++
	}
	if from == n || from == 0 {
		return
	}
	if from == n-1 && s.lex(from)&lxDict != 0 && !s.lex(from).isName() {
		return // an everyday word the lists do not know as a name: Urgent
	}
	g := s.gap(from)
	if strings.IndexByte(g, '<') >= 0 && hasPlaceholder(g) {
		return
	}
	cue := strings.IndexByte(g, '\n') >= 0 || g == " " && isThanks(s.lw(from-1))
	if t := strings.TrimRight(g, " \t"); !cue && t != "" && len(t) < len(g) {
		switch t[len(t)-1] {
		case '.', '!', '?', '/', '~', '-':
			cue = true
		case ',':
			// "..., Ciara" but not "for dårligt, Tryg!!": after a comma
			// a name of the lists, or one after a thanks (ta, Shazza).
			cue = s.listed(from, n) || from > 1 && isThanks(s.lw(from-1))
		}
		cue = cue || strings.HasSuffix(t, "—") || strings.HasSuffix(t, "–")
	}
	if !cue && g == "/" && (from == 1 || strings.ContainsAny(s.gap(from-1), "\n")) {
		cue = true // /Dev on a line of its own
	}
	if !cue && strings.HasSuffix(g, "\n/") {
		cue = true
	}
	if !cue {
		return
	}
	start, end := s.words[from].start, s.words[n-1].end
	s.add(Person, start, end, closingNameScore, s.lowerCanon(start, end))
}

// closingNameWord reports whether word k may be a word of a closing name:
// capitalised, and no sign-off, thanks or other word that is never a name.
func (s *scan) closingNameWord(k int) bool {
	w := s.words[k]
	return w.kind == wLetters && w.cap && w.end-w.start > 1 && s.nameShaped(k) && !isThanks(s.lw(k)) && !isSignOff(s.lw(k))
}

// isThanks reports whether a lower-case word is a short thanks that may
// stand before the writer's name at the end of a message (ta, thx, tq),
// in the customers' languages and those their customers sign off in.
func isThanks(w string) bool {
	switch w {
	case "ta", "thx", "thanks", "thank", "thankyou", "ty", "tia", "tq", "tqvm", "tks", "cheers", "tak", "takk", "mvh", "kasih",
		"danke", "merci", "gracias", "grazie", "obrigado", "obrigada", "salamat", "dankie", "tack", "kiitos", "shukran", "asante":
		return true
	}
	return false
}

// detectOpeningName finds the writer's name on a line of its own that
// opens a message: "Mbali\nI think the payment bounced". As with a closing
// name, the rule is evidence for the tagger, which decides.
func detectOpeningName(s *scan) {
	n := len(s.words)
	if n < 3 || strings.TrimSpace(s.gap(0)) != "" {
		return
	}
	j := 0
	for j < n && j < 3 && s.closingNameWord(j) && (j == 0 || s.gap(j) == " " || s.gap(j) == "-") {
		j++
	}
	if j == 0 || j >= n {
		return
	}
	if g := strings.TrimLeft(s.gap(j), " \t,.!"); g == "" || g[0] != '\n' && g[0] != '\r' {
		return // the line goes on
	}
	if j == 1 && s.lex(0)&lxDict != 0 && !s.lex(0).isName() {
		return // a heading or an everyday word: Urgent, Refund
	}
	start, end := s.words[0].start, s.words[j-1].end
	s.add(Person, start, end, closingNameScore, s.lowerCanon(start, end))
}
