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
		"ikhlas", "daripada", "signed":
		return true
	}
	return false
}
