package redact

import "strings"

// Cue strengths before a candidate name.
const (
	cueNone     = iota
	cueWeak     // "said", "to", "I'm": raises a known name a little
	cueGreeting // "Hi", "Dear", "Hej": a name follows if the line ends
	cueSpeech   // "said", "asked": a capitalised word after it is a name
	cueKin      // "my friend", "min nabo": a capitalised or listed name after it is a name
	cueStrong   // "my name is", "Mr": whatever follows is a name
)

// scoreRun scores a run of name-shaped words. It returns ok=false for runs
// that cannot be names at all (a company, a street); a run that merely has
// no evidence scores 0 and is kept so that lists can vouch for it.
func (s *scan) scoreRun(r nameRun) (scoredRun, bool) {
	// A capital at the start of a sentence says nothing: "Ask Peter"
	// (unless a cue such as "Name:" stands before it).
	cue := s.cueBefore(r.from)
	for cue != cueStrong && r.to-r.from > 1 && !s.lex(r.from).isName() && s.sentenceStart(r.from) &&
		s.lex(r.from+1)&lxGiven != 0 && s.lex(r.from+1)&lxSurname == 0 {
		r.from++
		cue = s.cueBefore(r.from)
	}
	if r.to < len(s.words) && s.gap(r.to) == " " && s.lex(r.to)&(lxOrg|lxStreet) != 0 {
		return scoredRun{}, false
	}
	if r.from > 0 && s.lex(r.from-1)&lxStreetPre != 0 {
		return scoredRun{}, false
	}
	// "the Aurora desk", "a Havana sofa": a single name after a
	// determiner names a thing.
	if r.to-r.from == 1 && r.from > 0 && s.gap(r.from) == " " {
		switch s.lw(r.from - 1) {
		case "the", "a", "an", "our", "your", "this", "that", "these", "those", "den", "det", "en", "et":
			return scoredRun{}, false
		}
	}
	// "call me back", "ring him later": a word of time or manner after
	// a verb of calling and its object.
	if r.to-r.from == 1 && r.from >= 2 && callAdverbs[s.lw(r.from)] && s.gap(r.from) == " " && s.gap(r.from-1) == " " {
		switch s.lw(r.from - 1) {
		case "me", "him", "her", "us", "them":
			switch s.lw(r.from - 2) {
			case "call", "calls", "called", "ring", "rings", "rang", "text", "texts", "texted", "phone", "message", "email":
				return scoredRun{}, false
			}
		}
	}
	var given, surname, common, unknown, zhSurname, zhSyll, n int
	patronym := false // Ahmad bin Ismail, Muthu a/l Rajan
	for k := r.from; k < r.to; k++ {
		f := s.lex(k)
		if p := s.particleLen(k); p > 0 && k > r.from {
			switch s.lw(k) {
			case "bin", "binti", "bte", "binte", "bt", "a", "s", "d":
				patronym = true
			}
			k += p - 1
			continue
		}
		n++
		switch {
		case f&lxZhSurname != 0 && f&lxCommon == 0:
			zhSurname++
			surname++
		case f&lxZhSurname != 0:
			zhSurname++
			common++
		case f&lxCommon != 0 || f&lxStop != 0:
			common++
		case f&lxGiven != 0:
			given++
		case f&lxSurname != 0:
			surname++
		case f&lxZhSyllable != 0:
			zhSyll++
		case surnameShaped(s.lw(k)):
			surname++
		default:
			unknown++
		}
	}
	start := s.sentenceStart(r.from)
	var score float64
	switch {
	case patronym && n >= 2:
		score = 0.85
	case zhSurname > 0 && n >= 2 && unknown == 0 && zhSyll+given+zhSurname+surname+common >= n:
		score = 0.85 // Tan Wei Ming, Wang Fang
	case n >= 2 && given > 0 && surname > 0:
		score = 0.9
	case n >= 2 && given+surname > 0:
		score = 0.85
		if s.lex(r.from).isName() && s.lex(r.from)&lxCommon == 0 {
			break
		}
		if start && unknown > 0 {
			score = 0.6 // "Contact Hansen" at a sentence start
		}
	case n >= 2 && common > 0 && unknown < n-1:
		score = 0.55
	case n >= 2 && common > 0:
		score = 0.45
	case n == 1 && given > 0:
		score = 0.7
		if start {
			score = 0.6
		}
	case n == 1 && surname > 0:
		score = 0.55
		if start {
			score = 0.4
		}
	case n == 1 && common > 0:
		score = 0.3
	}
	if s.caseless {
		score = caselessScore(score, given, surname, n)
	}
	switch cue {
	case cueStrong:
		score = max(score+0.3, 0.8)
	case cueGreeting:
		if s.lineEndsAfter(r.to) {
			score = max(score+0.2, 0.75)
		} else {
			score += 0.15
		}
	case cueKin:
		// In text without capitals every word is a candidate: only a
		// name the lists know counts ("kawan saya ambil bungkusan").
		if !s.caseless || score > 0 {
			score = max(score+0.2, 0.7)
		}
	case cueSpeech:
		// 'says "Processing"' quotes a word, not a person.
		if !strings.ContainsAny(s.gap(r.from), "\"“'") {
			score = max(score+0.1, 0.6)
		}
	case cueWeak:
		if score >= 0.4 {
			score += 0.1
		}
	}
	return scoredRun{r, min(score, 0.95)}, true
}

// introducedAfter reports whether one of introCues closes the clause
// right after run r: "Tom here, where is my order?", "Mette her!"
func (s *scan) introducedAfter(r nameRun) bool {
	if r.to >= len(s.words) || s.gap(r.to) != " " {
		return false
	}
next:
	for _, cue := range introCues {
		k := r.to
		for i, w := range cue {
			if k >= len(s.words) || s.lw(k) != w || i > 0 && s.gap(k) != " " {
				continue next
			}
			k++
		}
		if k == len(s.words) {
			return true
		}
		if g := strings.TrimLeft(s.gap(k), " "); g != "" && strings.ContainsRune(",.!;:-–—\n\r", []rune(g)[0]) {
			return true
		}
	}
	return false
}

// caselessScore scores a run in a text without capitals, where every word
// is a candidate: only names from the lists count.
func caselessScore(score float64, given, surname, n int) float64 {
	switch {
	case n >= 2 && given > 0 && surname > 0:
		return 0.75
	case n >= 2 && given > 0 && n <= 3:
		return 0.5
	case n == 1 && given > 0:
		return 0.45
	}
	return min(score, 0.3)
}

// lineEndsAfter reports whether only punctuation separates word k-1 from
// the end of its line: "Hi Anna," "Kære Mette!"
func (s *scan) lineEndsAfter(k int) bool {
	g := s.gap(k)
	for i := 0; i < len(g); i++ {
		switch g[i] {
		case '\n', '\r':
			return true
		case ',', '!', '.', ' ', ':', '-':
		default:
			return false
		}
	}
	return k >= len(s.words) || g != "" && (g[0] == ',' || g[0] == '!')
}

// cueBefore says how strongly the words before word k announce a name.
func (s *scan) cueBefore(k int) int {
	if k > 0 {
		g := s.gap(k)
		f := s.lex(k - 1)
		if f&lxHonorific != 0 && (g == " " || g == ". ") {
			return cueStrong
		}
		if f&lxGreeting != 0 && (g == " " || g == ", ") {
			return cueGreeting
		}
	}
	from := max(0, s.words[k].start-32)
	for from > 0 && s.lower[from]&0xC0 == 0x80 {
		from--
	}
	raw := strings.TrimRight(s.lower[from:s.words[k].start], " \t")
	if k == 0 || !nameCueEnd(s, k-1) && !strings.HasSuffix(raw, ":") && !strings.HasSuffix(raw, "?") {
		return cueNone
	}
	ctx := trimCueContext(raw)
	// A form line whose label names a name: "Name on the door: ...".
	if strings.HasSuffix(raw, ":") {
		line := raw[strings.LastIndexByte(raw, '\n')+1:]
		if hasAny(line, "name", "navn", "nama", "names") {
			return cueStrong
		}
	}
	// A form's question, asked and answered: "Surname? Karagianni.",
	// "What's your last name? Magnusson".
	if strings.HasSuffix(raw, "?") && nameQuestion(raw) {
		return cueStrong
	}
	if s.words[k-1].kind == wCJK {
		for _, c := range strongNameCues {
			if c[0] >= 0x80 && strings.HasSuffix(ctx, c) {
				return cueStrong
			}
		}
		return cueNone
	}
	last := s.lw(k - 1)
	for _, c := range strongCueIndex[last] {
		if c[len(c)-1] == ':' && hasWordSuffix(raw, c) || hasWordSuffix(ctx, c) {
			return cueStrong
		}
	}
	if kinCueIndex.endsCtx(ctx, last) {
		return cueKin
	}
	if speechCueIndex.endsCtx(ctx, last) {
		return cueSpeech
	}
	if weakCueIndex.endsCtx(ctx, last) {
		return cueWeak
	}
	return cueNone
}

var (
	strongCueIndex = newSuffixCues(strongNameCues...)
	kinCueIndex    = newSuffixCues(kinNameCues...)
	speechCueIndex = newSuffixCues(speechCues...)
	weakCueIndex   = newSuffixCues(weakNameCues...)
)

// nameCueEnd reports whether word k can end a name cue: a Latin word
// that ends one, or Chinese text (where cues such as 我叫 run into the
// name).
func nameCueEnd(s *scan, k int) bool {
	return s.words[k].kind == wCJK || s.lex(k)&lxNameCueEnd != 0
}

// trimCueContext drops the spaces and punctuation between a cue and the
// name it announces: "Name: ", "我叫", "nama saya - ".
func trimCueContext(ctx string) string {
	for ctx != "" {
		switch ctx[len(ctx)-1] {
		case ' ', ':', '-', '\t', '"', '\'':
			ctx = ctx[:len(ctx)-1]
			continue
		}
		if len(ctx) >= 3 && (ctx[len(ctx)-3:] == "：" || ctx[len(ctx)-3:] == "“") {
			ctx = ctx[:len(ctx)-3]
			continue
		}
		break
	}
	return ctx
}

// hasWordSuffix reports whether ctx ends with cue as whole words.
func hasWordSuffix(ctx, cue string) bool {
	if len(ctx) < len(cue) || ctx[len(ctx)-len(cue):] != cue {
		return false
	}
	if len(ctx) == len(cue) || cue[0] >= 0x80 {
		return true
	}
	c := ctx[len(ctx)-len(cue)-1]
	return !isAlnum(c) && c < 0x80
}

// nameQuestion reports whether the text before a word ends with a short
// question that asks a name: "Surname?", "Last name?", "Fornavn?".
func nameQuestion(raw string) bool {
	q := strings.TrimSuffix(raw, "?")
	if i := strings.LastIndexAny(q, ".?!\n"); i >= 0 {
		q = q[i+1:]
	}
	words := strings.Fields(q)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	switch words[len(words)-1] {
	case "name", "surname", "navn", "efternavn", "fornavn", "nama":
		return true
	}
	return false
}

// callAdverbs follow "call me" where no name does: "call me back",
// "call me asap".
var callAdverbs = map[string]bool{
	"back": true, "later": true, "tomorrow": true, "today": true, "tonight": true, "again": true, "asap": true,
	"now": true, "soon": true, "anytime": true, "first": true, "instead": true, "please": true, "pls": true,
	"plz": true, "urgently": true, "directly": true, "once": true, "whenever": true, "anyway": true, "pronto": true,
}

// strongNameCues announce a name in the languages customers write in.
var strongNameCues = []string{
	"my name is", "name is", "name:", "names are", "named", "named him", "named her", "call him",
	"call her", "called him", "called her", "call me", "calls me", "called me",
	"name's", "maiden name is", "under the name", "account holder", "account name", "name on the account",
	"cardholder", "card holder",
	"beneficiary", "contact person", "signed", "attn", "attn.", "c/o",
	"jeg hedder", "hedder", "mit navn er", "navn:", "navnet er", "kontaktperson", "kortholder",
	"kontoindehaver", "kontohaver",
	"nama saya", "nama saya ialah", "nama saya adalah", "nama:", "nama penuh", "atas nama",
	"pemegang kad", "pemegang akaun", "nama pemegang akaun", "penerima",
	"我叫", "我的名字是", "名字是", "名字叫", "姓名", "姓名是", "联系人", "聯絡人", "收件人", "持卡人",
}

// kinNameCues name a relation of the customer's, often followed by the
// person's name ("my neighbour Tom"), as often by anything else ("my
// neighbour took the parcel").
var kinNameCues = []string{
	"my son", "my daughter", "my wife", "my husband", "my partner", "my mother", "my mum", "my mom",
	"my father", "my dad", "my brother", "my sister", "my friend", "my colleague", "my boss",
	"my neighbour", "my neighbor", "my flatmate", "my roommate",
	"min søn", "min datter", "min kone", "min mand", "min kæreste", "min mor", "min far", "min bror",
	"min søster", "min ven", "min veninde", "min kollega", "min nabo", "naboen", "kæresten", "min svoger",
	"min svigermor", "min farmor", "min mormor", "min farfar", "min morfar", "min onkel", "min tante", "isteri saya", "suami saya", "anak saya",
	"ibu saya", "bapa saya", "abang saya", "kakak saya", "adik saya", "kawan saya", "rakan saya", "jiran saya",
}

// weakNameCues often stand before a name but also before other words.
var weakNameCues = []string{
	"i am", "i'm", "im", "this is", "it's", "under", "ask for",
	"asked for", "speak to", "speak with", "spoke to", "spoke with", "talk to", "talked to",
	"add", "by", "from", "with", "to", "and", "jeg er", "det er", "hos", "fra", "til", "og",
	"saya", "ini", "dengan", "dari", "dan", "kepada",
}

// introCues follow a name when people introduce themselves, closing the
// clause: "Tom here,", "Jensen speaking.", "Mette her!", "Ali di sini."
var introCues = [][]string{{"here"}, {"speaking"}, {"her"}, {"di", "sini"}, {"disini"}}

// speechCues report what someone said: "said Anna", "asked Mr Lim".
var speechCues = []string{"said", "says", "asked", "replied", "wrote", "told", "sagde", "skrev", "kata", "tanya"}
