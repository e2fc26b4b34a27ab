// Package courtesy reads the messages that are not questions: greetings,
// thanks, goodbyes, acknowledgements and compliments, and a yes or a no
// to the assistant's own offer, in the languages Hushdesk serves and the
// shorthand customers chat in ("tq", "ok la", "谢啦", "tak", "88").
//
// Read finds the courtesy phrases at the start and the end of a message
// and what is left between them: a message that is courtesy alone gets a
// courtesy reply; a greeting with a question in it ("hi, how do I return
// a sofa?") is the question. courtesy imports only the vocabulary of
// languages and, from redact, the form of a placeholder: a name beside
// courtesy has been redacted by the time it is read.
package courtesy

import (
	"slices"
	"strings"
	"unicode"

	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/redact"
)

// Kind is what a courtesy phrase does.
type Kind uint8

// The kinds of courtesy, and the replies to an offer.
const (
	None Kind = iota
	Greeting
	Thanks
	Goodbye
	Ack
	Compliment
	// Yes and No answer a question the assistant asked ("Would you like to
	// talk to a person?").
	Yes
	No
)

var kindNames = [...]string{None: "none", Greeting: "greeting", Thanks: "thanks", Goodbye: "goodbye", Ack: "ack",
	Compliment: "compliment", Yes: "yes", No: "no"}

// String names the kind.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "none"
}

// Reading is what Read makes of a message.
type Reading struct {
	// Kinds are the courtesy phrases found, in order.
	Kinds []Kind
	// Rest is the message without them: the question, if there is one.
	Rest string
	// Closing is the courtesy the message ends with, after what else it
	// says ("ok i'll think about it, bye": Goodbye); None when it ends
	// with something else or is courtesy only.
	Closing Kind
	// Opening is the courtesy the message opens with ("no thanks, I'll
	// look it up": No); None when it opens with something else.
	Opening Kind
	// Consent: a yes among them asks for what was offered to be done
	// ("go ahead", "ja tak", "好啊"), which a yes saying that an answer
	// helped never does.
	Consent bool
}

// Only reports whether the message is courtesy and nothing else.
func (r Reading) Only() bool { return len(r.Kinds) > 0 && strings.TrimSpace(r.Rest) == "" }

// Main is the kind that answers for the whole message: thanks over an
// acknowledgement ("ok thanks"), a goodbye over both ("thanks, bye"), a
// compliment over thanks; a greeting only when it is all there is.
func (r Reading) Main() Kind {
	best := None
	rank := map[Kind]int{None: 0, Greeting: 1, Ack: 2, Thanks: 3, Compliment: 4, Goodbye: 5}
	for _, k := range r.Kinds {
		if k == Yes || k == No {
			continue
		}
		if rank[k] > rank[best] {
			best = k
		}
	}
	return best
}

// First is the first phrase's kind, None when there is none.
func (r Reading) First() Kind {
	if len(r.Kinds) == 0 {
		return None
	}
	return r.Kinds[0]
}

// Reply is the yes or the no a message gives to a question, read for
// an answer: a no anywhere outweighs a yes ("唔該，唔使", "ok no
// thanks": thanks, but no), else its first yes; None when it gives
// neither.
func (r Reading) Reply() Kind {
	if slices.Contains(r.Kinds, No) {
		return No
	}
	if slices.Contains(r.Kinds, Yes) {
		return Yes
	}
	return None
}

// Read finds the courtesy at the start and the end of a message. With
// answer set (the assistant has just asked a yes-or-no question), the
// words that can say yes or no ("ok", "sure", "tak", "不用") are read as
// Yes and No first. l is the conversation's language: it decides the
// words two languages share ("tak" is Danish thanks and Malay no).
func Read(text string, l lang.Tag, answer bool) Reading {
	toks := tokens(text)
	var r Reading
	start, end := 0, len(toks)
	for start < end {
		k, n, consent := match(toks[start:end], l, answer, true)
		if n == 0 {
			break
		}
		r.Consent = r.Consent || consent
		r.Kinds = append(r.Kinds, k)
		if r.Opening == None {
			r.Opening = k
		}
		start += n
	}
	var tail []Kind
	for start < end {
		k, n, consent := match(toks[start:end], l, answer, false)
		if n == 0 || end-n > start && (negation[toks[end-n-1].text] || latinNegation[toks[end-n-1].text] || l == lang.Malay && toks[end-n-1].text == "tak") {
			// "唔得", "不好", "没问题" read backwards: a negation before the
			// word makes it another word ("not OK").
			break
		}
		r.Consent = r.Consent || consent
		tail = append(tail, k)
		end -= n
	}
	for i := len(tail) - 1; i >= 0; i-- {
		r.Kinds = append(r.Kinds, tail[i])
	}
	if start < end {
		for _, k := range tail {
			if k != None {
				r.Closing = k
				break
			}
		}
	}
	r.Kinds = dropFillers(r.Kinds)
	if start < end && !strings.ContainsAny(text, "?？") && !AsksInHan(text) && praise(toks[start:end], warm(r.Kinds)) {
		// Praise in words the phrases do not hold: the whole message is
		// courtesy.
		r.Kinds = append(r.Kinds, Compliment)
		r.Closing = None
		return r
	}
	switch {
	case len(r.Kinds) == 0:
		// Fillers alone are no courtesy: the message is what it was.
		r.Rest = strings.TrimSpace(text)
	case start < end:
		r.Rest = rest(text, toks[start:end])
	}
	return r
}

// latinNegation are the words that, before a phrase, say "not" ("not
// very helpful"), in the languages where no courtesy word is spelt the
// same.
var latinNegation = map[string]bool{"not": true, "never": true, "isnt": true, "wasnt": true, "ikke": true, "aldrig": true, "tidak": true, "bukan": true,
	"dont": true, "don't": true, "x": true, "tk": true}

// negation are the Chinese characters that, before a word, say "not".
var negation = map[string]bool{"不": true, "唔": true, "没": true, "沒": true, "冇": true, "未": true, "别": true, "別": true, "非": true}

// warm reports whether the phrases found praise or thank: what else the
// message says in the words of praise goes with them.
func warm(ks []Kind) bool {
	for _, k := range ks {
		if k == Compliment || k == Thanks {
			return true
		}
	}
	return false
}

func dropFillers(ks []Kind) []Kind {
	out := ks[:0]
	for _, k := range ks {
		if k != None {
			out = append(out, k)
		}
	}
	return out
}

// token is a word, or a run of Han characters cut by the lexicon, with its
// place in the original text.
type token struct {
	text string // folded: lower case, NFKC, repeated letters squeezed
	// squeezed is text with each run of a letter written once, when it
	// has such a run and is in Latin letters; empty otherwise.
	squeezed   string
	start, end int // byte offsets into the original text
}

// tokens cuts text into words; Han characters each make a token.
func tokens(text string) []token {
	var out []token
	in := -1
	flush := func(i int) {
		if in >= 0 {
			f := fold(text[in:i])
			out = append(out, token{text: f, squeezed: squeezedForm(f), start: in, end: i})
			in = -1
		}
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '<' {
			if t, n := redact.PlaceholderAt(text[i:]); n > 0 {
				// A placeholder is one word, of its type: "thanks
				// <PERSON_1>" thanks someone by name.
				flush(i)
				out = append(out, token{text: placeholderWord(t), start: i, end: i + n})
				i += n
				continue
			}
		}
		switch {
		case unicode.Is(unicode.Han, r):
			flush(i)
			out = append(out, token{text: string(r), start: i, end: i + len(string(r))})
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’':
			if in < 0 {
				in = i
			}
		case emoji[r]:
			// A courtesy said with a picture is a word: "👍", "🙏".
			flush(i)
			out = append(out, token{text: string(r), start: i, end: i + size})
		default:
			flush(i)
		}
		i += size
	}
	flush(len(text))
	return out
}

// emoji are the pictures customers say courtesy with, each a word of the
// lexicon (variation selectors and skin tones around them are nothing).
var emoji = func() map[rune]bool {
	m := map[rune]bool{}
	for _, r := range "👍👌🆗✅💯🙂😊😀😃😄😁☺😉🙏👋❤♥💕😍🥰🤩👏👎" {
		m[r] = true
	}
	return m
}()

// placeholderWord is the token of a placeholder of type t.
func placeholderWord(t redact.Type) string { return "<" + strings.ToLower(string(t)) + ">" }

// personWord is the token of a name the redactor has replaced.
var personWord = placeholderWord(redact.Person)

// fold lower-cases a word, brings it to NFKC, drops apostrophes, writes
// Danish æ, ø and å as ae, oe and aa (as Danes type them without the
// letters: "tak for hjaelpen"), reads
// Malaysian reduplication ("tq2", "ok2" for "tq tq", "ok ok") as the word,
// and squeezes letters repeated three times or more ("thanksss",
// "byeee").
func fold(w string) string {
	w = strings.ToLower(norm.NFKC.String(w))
	w = foldReplacer.Replace(w)
	if len(w) >= 3 && strings.HasSuffix(w, "2") && unicode.IsLetter(rune(w[len(w)-2])) {
		w = w[:len(w)-1]
	}
	var b strings.Builder
	var last rune
	n := 0
	for _, r := range w {
		if r == last {
			n++
			if n >= 2 && unicode.IsLetter(r) {
				continue
			}
		} else {
			last, n = r, 0
		}
		b.WriteRune(r)
	}
	return b.String()
}

var foldReplacer = strings.NewReplacer("'", "", "’", "", "æ", "ae", "ø", "oe", "å", "aa")

// rest returns the original text of the tokens left, trimmed of the
// punctuation around them.
func rest(text string, toks []token) string {
	s := text[toks[0].start:toks[len(toks)-1].end]
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
}
