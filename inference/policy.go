package inference

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Reason codes recorded with each decision.
const (
	ReasonAnswered      = "answered"
	ReasonAskedPerson   = "customer_asked_for_person"
	ReasonNoRelevant    = "no_relevant_passages"
	ReasonLowConfidence = "low_retrieval_confidence"
	ReasonThumbsDown    = "thumbs_down"
	ReasonRepeatedMiss  = "repeated_abstention"
)

// reasons are the explanations a reviewer reads, by reason code.
var reasons = map[string]string{
	ReasonAnswered:      "Relevant help-centre passages were found; the answer is drawn from them and cites them.",
	ReasonAskedPerson:   "The customer asked to talk to a person; a person must take over.",
	ReasonNoRelevant:    "Nothing in the knowledge base matched the question, so the assistant did not answer.",
	ReasonLowConfidence: "The best passages matched too little of the question to answer from them safely.",
	ReasonThumbsDown:    "The customer rated an answer as unhelpful; a person takes over.",
	ReasonRepeatedMiss:  "The assistant could not answer twice in a row; a person takes over.",
}

// personPhrases are ways customers ask for a human, in the four languages.
// Latin-script phrases match at word boundaries, Chinese ones anywhere.
var personPhrases = []string{
	// English
	"talk to a human", "speak to a human", "speak with a human", "talk with a human", "talk to a person",
	"speak to a person", "speak with a person", "talk with a person", "talk to someone", "speak to someone",
	"real person", "real human", "human agent", "live agent", "real agent", "live person", "live chat agent",
	"customer service agent", "support agent", "a representative", "an operator", "human being",
	"connect me to a human", "transfer me to", "get me a human", "is there a human", "human please",
	"agent please", "talk to an agent", "speak to an agent", "speak with an agent", "talk to agent",
	// Danish
	"tale med et menneske", "snakke med et menneske", "tale med en person", "snakke med en person",
	"tale med en medarbejder", "snakke med en medarbejder", "rigtig person", "et rigtigt menneske",
	"en rigtig medarbejder", "tale med nogen", "snakke med nogen", "menneskelig medarbejder",
	"tale med kundeservice", "stille mig videre",
	// Malay
	"bercakap dengan ejen", "cakap dengan ejen", "bercakap dengan manusia", "cakap dengan manusia",
	"bercakap dengan orang", "cakap dengan orang", "ejen sebenar", "orang sebenar", "manusia sebenar",
	"ejen manusia", "wakil khidmat pelanggan", "sambungkan saya dengan ejen", "nak cakap dengan staff",
	"bercakap dengan kakitangan",
	// Chinese (simplified and traditional)
	"转人工", "轉人工", "人工客服", "人工服务", "人工服務", "真人客服", "真人服务", "真人服務",
	"找人工", "找真人", "客服人员", "客服人員", "和真人", "跟真人", "與真人", "与真人",
}

// asksForPerson reports whether a customer is asking to talk to a human.
func asksForPerson(text string) bool {
	lower := strings.ToLower(text)
	for _, p := range personPhrases {
		if containsPhrase(lower, p) {
			return true
		}
	}
	return false
}

// containsPhrase finds p in s; for a phrase that begins or ends with a
// letter of a spaced script it requires a word boundary there, so that
// "a human-readable invoice" does not ask for a human.
func containsPhrase(s, p string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], p)
		if i < 0 {
			return false
		}
		i += off
		end := i + len(p)
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[end:])
		first, _ := utf8.DecodeRuneInString(p)
		last, _ := utf8.DecodeLastRuneInString(p)
		okBefore := i == 0 || !spaced(first) || !(unicode.IsLetter(before) || unicode.IsDigit(before))
		okAfter := end == len(s) || !spaced(last) || !(unicode.IsLetter(after) || unicode.IsDigit(after) || after == '-')
		if okBefore && okAfter {
			return true
		}
		off = i + 1
	}
}

// spaced reports whether r belongs to a script written with spaces.
func spaced(r rune) bool { return unicode.IsLetter(r) && !unicode.Is(unicode.Han, r) }
