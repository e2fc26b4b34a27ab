package courtesy

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/vellum/levenshtein"
	"github.com/hushdesk/hushdesk/inference/lang"
)

// entry is one courtesy phrase: its words (a Han phrase is cut into its
// characters), its kind, whether it only answers a question (yes, no),
// and the languages it belongs to (none: any).
type entry struct {
	words []string
	// near are the automata of the words (nil for a word matched only
	// as written) and runes their lengths, looked up once at start: the
	// whole lexicon is tried at both ends of every message.
	near  []*levenshtein.DFA
	runes []int
	// first are the words' first letters.
	first []rune
	// squeezed are the words with each run of a letter written once.
	squeezed []string
	kind     Kind
	answer   bool
	consent  bool
	langs    []lang.Tag
}

// phrases are the courtesy phrases, by kind, as customers write them in
// chat; "|" separates phrases. Phrases of kind None are fillers that go
// with courtesy ("so much", "lah", "啦") and are dropped with it.
var phrases = []struct {
	kind    Kind
	answer  bool
	consent bool
	langs   []lang.Tag
	list    string
}{
	{kind: Greeting, list: `hi|hello|hey|hiya|heya|hai|helo|hallo|hi there|hello there|hey there|good morning|good afternoon|good evening|morning|evening|greetings|howdy|yo|gday|hej|hejsa|halløj|haløj|goddag|godmorgen|god morgen|godaften|god aften|dav|davs|assalamualaikum|assalamualaikom|salam|selamat pagi|selamat petang|selamat malam|selamat tengahari|selamat tengah hari|pagi|你好|您好|嗨|哈囉|哈啰|哈喽|早安|早上好|早晨|午安|下午好|晚上好|在吗|在嗎|喂|hej med dig|hej igen|hi again|hello again|hey again|god eftermiddag|godmiddag|god formiddag|slmt pagi|slmt ptg|slmt petang|slmt mlm|slmt tgh hari|salam sejahtera|hai semua|hi semua|早|早呀|早啊|哈喽|哈啰|👋`},
	{kind: Thanks, list: `thanks|thank you|thankyou|thank u|thanx|thx|thnx|thnks|tnx|ty|tq|tqvm|tqsm|tysm|tyvm|many thanks|much appreciated|appreciated|appreciate it|cheers|thanks a lot|thanks a bunch|mange tak|tusind tak|tusinde tak|tak skal du have|takker|tak for hjælpen|tak for hjælp|tak for det|tak for svaret|terima kasih|terimakasih|trima kasih|makasih|tenkiu|tenkyu|谢谢|謝謝|多谢|多謝|谢啦|謝啦|谢了|謝了|感谢|感謝|万分感谢|萬分感謝|唔该|唔該|唔该晒|唔該晒|多谢晒|多謝晒|3q|麻烦了|麻煩了|麻烦你了|麻煩你了|辛苦了|辛苦晒|takker|1000 tak|tusen tak|mksh|mkasih|mks|trimas|trmksh|thanks anyway|thx anyway|tq anyway|ty anyway|tak alligevel|terima kasih anyway|谢谢啦|謝謝啦|感恩|谢谢帮忙|謝謝幫忙|谢谢你的帮忙|謝謝你的幫忙|谢谢您的帮忙|謝謝您的幫忙|谢谢你的帮助|謝謝你的幫助|谢谢帮助|謝謝幫助|多谢帮忙|多謝幫忙|感谢帮忙|感謝幫忙|感谢你的帮助|感謝你的幫助|多謝你幫手|多謝幫手|唔該晒你幫手|唔該你幫手|🙏`},
	{kind: Thanks, langs: []lang.Tag{lang.Danish, lang.English, lang.ChineseSimplified, lang.ChineseTraditional}, list: `tak|tak tak`},
	{kind: Goodbye, list: `bye|bye bye|byebye|goodbye|good bye|see you|see ya|cya|take care|have a nice day|have a good day|have a great day|good night|ttyl|farvel|hej hej|vi ses|hav en god dag|hav en god aften|hav en god weekend|god weekend|ha en god dag|på gensyn|selamat tinggal|jumpa lagi|bai|chow|ciao|拜拜|再见|再見|掰掰|88|886|拜|laters|see you later|talk later|talk to you later|catch you later|bye for now|jmpa lg|jumpa lg|jumpa lagi ya|babai|bai bai|slmt mlm|selamat malam|晚安|再会|回头见|回頭見|拜啦`},
	{kind: Ack, list: `ok|okay|okey|okie|oki|okk|k|kk|alright|all right|got it|i see|understood|noted|fine|cool|great|perfect|sounds good|makes sense|that helps|that helped|thats clear|will do|right|ok got it|ok noted|righto|right o|that clears it up|clears it up|that clears that up|ok la|okla|ok lah|oklah|oke|faham|baik|baiklah|settle|fint|det er fint|forstået|forstaaet|godt|super|perfekt|i orden|klart|fedt|好|好的|好吧|好嘅|好啊|明白|明白了|知道|知道了|收到|了解|了解了|懂了|懂|行|嗯|嗯嗯|哦|喔|噢|冇問題|没问题|沒問題|没事了|沒事了|得|得啦|top|okidoki|okey dokey|okie dokie|okeh|gotcha|got u|roger|roger that|alrighty|找到了|搞掂|搞定|ok noted|dah faham|paham|ok faham|i get it|ah ok|ahh ok|ah i see|aha|np|no prob|no problem|okok|ok ok ok|👍|👌|🆗|✅|💯|🙂|😊|😀|😃|😄|😁|☺|😉`},
	{kind: Compliment, list: `youre great|you are great|youre awesome|you are awesome|u r awesome|ur awesome|you rock|great job|good job|well done|nice|very helpful|so helpful|really helpful|helpful|brilliant|amazing|awesome|youre the best|ur the best|good bot|love it|godt klaret|godt gået|godt gjort|flot klaret|flot gået|du er god|du er sød|sødt af dig|fantastisk|super service|bagus|terbaik|hebat|mantap|power|best|你好棒|好棒|太棒了|很棒|厉害|厲害|好叻|赞|讚|你真好|很有帮助|很有幫助|回复好快|回覆好快|回复很快|回覆很快|回得好快|覆得好快|效率高|好有效率|很有效率|真快|很好|真好|好好|超好|太好了|非常好|幾好|几好|好正|super helpful|so quick|that was quick|that was fast|quick reply|fast reply|quick response|svarer hurtigt|hurtigt svar|hurtig service|laju betul|cepat betul|cepat gila|servis terbaik|❤|♥|💕|😍|🥰|🤩|👏`},
	{kind: Yes, answer: true, list: `yes|yeah|yep|yup|ya|yea|ye|sure|ok|okay|please|that would be great|i would|absolutely|of course|ja|gerne|jo|boleh|boleh la|boleh lah|nak|nak la|mahu|baik|好|好的|要|是|是的|对|對|可以|麻烦|麻煩|係|係呀|唔該|唔该|当然|當然|嗯|行|行啊|blh|boleh jgk|boleh juga|blh jgk|ok boleh|sure thing|yes sure|yes do|please yes|that would help|thatd help|it would help|that will help|det ville hjælpe|det vil hjælpe|alright|all right|alright then|definitely|certainly|for sure|yes definitely|good|得|得呀|得啦|ok 得|jep|jeps|y|yy|boleh boleh|嗯嗯|唔該晒|唔该晒|sounds good|sounds great|that sounds good|👍|👌`},
	// Consent: a yes that asks for what was offered to be done, which a
	// yes saying an answer helped never is ("go ahead", "ja tak", "转人工").
	{kind: Yes, answer: true, consent: true, list: `yes please|yes pls|yes plz|go ahead|please do|ja tak|ja gerne|ja please|gør det|ya boleh|麻烦了|麻煩了|麻烦你|麻煩你|好呀|好啊|好吖|ja gerne tak|ja det vil jeg gerne|det vil jeg gerne|go for it|go on|go ahead please|please go ahead|do it|lets do it|lets do that|tolong|ya tolong|ye tolong|tolong ye|boleh tolong|转吧|轉吧|转接|轉接|转人工|轉人工|麻烦你了|麻煩你了|sure why not|ok la boleh|sure go ahead|yes go ahead|ok go ahead|yes do it`},
	{kind: No, answer: true, list: `no|nope|nah|no thanks|no thank you|no thx|not now|no need|its fine|its ok|its okay|thats ok|thats okay|thats fine|det er ok|det er okay|im good|all good|never mind|nevermind|nvm|nej|nej tak|ellers tak|nej det er fint|ikke nødvendigt|ikke nu|tidak|takpe|tak apa|takpa|x pe|xpe|x payah|tak payah|tak perlu|tak nak|x nak|tak mahu|tidak perlu|tak usah|xyah|x yah|不用|不用了|不要|不需要|算了|唔使|唔使喇|唔駛|唔洗|唔好|不必|没事|冇事|沒事|不了|唔需要|算啦|算吧|唔緊要|唔紧要|不要紧|不要緊|没关系|沒關係|冇所謂|冇所谓|无所谓|無所謂|不麻烦了|不麻煩了|不用麻烦|不用麻煩|唔使麻煩|唔使麻烦|dont bother|do not bother|not important|doesnt matter|it doesnt matter|no worries|det behøves ikke|behøves ikke|det er ikke nødvendigt|lad være|glem det|tak pe|x pe la|tak apa la|tak penting|x penting|ill pass|i will pass|pass|maybe later|later maybe|not right now|not at the moment|another time|some other time|maybe another time|nanti je|lain kali|senere|måske senere|ikke lige nu|下次吧|下次啦|遲啲先|迟点再说|以后再说|以後再說|forget it|n|nn|not needed|no need thanks|not necessary|unnecessary|唔要|不要了|ill have a look myself|ill look myself|ill check myself|ill look it up myself|jeg kigger selv|jeg ser selv|jeg tjekker selv|sy tengok sendiri|saya tengok sendiri|sy cari sendiri|saya cari sendiri|我自己看看|我自己看看吧|我自己再看看|我自己查查|我自己睇吓|我自己睇下|算數啦|算数啦|算数|算數|👎`},
	{kind: No, answer: true, langs: []lang.Tag{lang.Malay}, list: `tak|x|tk`},
	// A name beside courtesy is whom it thanks or greets, or who signs
	// it ("thanks Sarah!", "hi, Tom here", "cheers, Mette"): the
	// redactor has made it a placeholder by then.
	{kind: None, list: `<PERSON_1>|<PERSON_1> here|<PERSON_1> her|<PERSON_1> sini|its <PERSON_1>|this is <PERSON_1>|det er <PERSON_1>|saya <PERSON_1>|ini <PERSON_1>|我是<PERSON_1>|我係<PERSON_1>`},
	{kind: None, list: `min|admin|mimin|dulu|客服|亲|親|team|folks|mate|pal|sis|kak|abg|encik|cik|tuan|puan|med dig|anyway|anyways|alligevel|sgu|awak|kamu|korang|so|so much|very much|much|a lot|lot|really|again|guys|team|bot|you|u|all|everyone|dear|sir|madam|for the help|for your help|for helping|for helping me|for that|for this|for the info|for the information|for the quick reply|for answering|for sorting that|for sorting it|for sorting this|for sorting that out|for sorting it out|for sorting this out|for fixing that|for fixing it|for fixing this|for looking into it|for looking into that|for checking|for your time|for your patience|tolong ye|tolong ya|la|lah|lh|je|jer|sis|bro|boss|bos|så|meget|rigtig|lige|igen|sangat|banyak|byk|了|啦|呀|啊|哦|喔|哈|哈哈|呢|吧|嘛|喇|囉|咯|哟|你|您|你们|你們|youve been|you have been|you were|youre|you are|that was|this was|its been|been|that would be|thatd be|that will be|det ville være|det ville vaere|det vil være|lol|haha|hahaha|hehe|hihi|wkwk|wkwkwk|lmao|xd`},
}

// lexicon is the phrases compiled, longest first.
var lexicon = func() []entry {
	var out []entry
	for _, g := range phrases {
		for _, p := range strings.Split(g.list, "|") {
			out = append(out, entry{words: phraseWords(p), kind: g.kind, answer: g.answer, consent: g.consent, langs: g.langs})
		}
	}
	return out
}()

// phraseWords cuts a phrase as tokens cuts a message.
func phraseWords(p string) []string {
	var out []string
	for _, t := range tokens(p) {
		out = append(out, t.text)
	}
	return out
}

// match returns the kind and length of the longest phrase at the start
// (or, with atStart false, the end) of toks, 0 when none, and whether
// it consents. Replies to a
// question (yes, no) count only with answer; with answer, they win over
// the same words as an acknowledgement.
func match(toks []token, l lang.Tag, answer, atStart bool) (Kind, int, bool) {
	best, bestN, consent := None, 0, false
	for i := range lexicon {
		e := &lexicon[i]
		n := len(e.words)
		if n > len(toks) || (e.answer && !answer) || (len(e.langs) > 0 && !hasLang(e.langs, l)) {
			continue
		}
		used := phraseAt(toks, e, atStart)
		if used == 0 {
			continue
		}
		if used > bestN || (used == bestN && e.answer && best != Yes && best != No) {
			best, bestN, consent = e.kind, used, e.consent
		}
	}
	return best, bestN, consent
}

func hasLang(ls []lang.Tag, l lang.Tag) bool {
	for _, x := range ls {
		if x == l {
			return true
		}
	}
	return false
}

// near holds a Levenshtein automaton (one edit, neighbours' swaps
// included) for each lexicon word of five letters or more, so that
// "thnaks" and "goodbey" are read as what they misspell.
var near = func() map[string]*levenshtein.DFA {
	b, err := levenshtein.NewLevenshteinAutomatonBuilder(1, true)
	if err != nil {
		panic("courtesy: " + err.Error())
	}
	out := map[string]*levenshtein.DFA{}
	for _, e := range lexicon {
		for _, w := range e.words {
			if _, ok := out[w]; ok || utf8.RuneCountInString(w) < minNear || !latin(w) {
				continue
			}
			dfa, err := b.BuildDfa(w, 1)
			if err != nil {
				panic("courtesy: " + err.Error())
			}
			out[w] = dfa
		}
	}
	return out
}()

// init gives each entry its words' automata and lengths.
func init() {
	for i := range lexicon {
		e := &lexicon[i]
		for _, w := range e.words {
			e.near = append(e.near, near[w])
			e.squeezed = append(e.squeezed, squeeze(w))
			e.runes = append(e.runes, utf8.RuneCountInString(w))
			first, _ := utf8.DecodeRuneInString(w)
			e.first = append(e.first, first)
		}
	}
}

// intensifiers may stand between the words of a phrase: "du er sgu
// god", "you are really great", "terima kasih banyak-banyak" keep their
// phrase.
var intensifiers = map[string]bool{
	"sgu": true, "so": true, "really": true, "very": true, "truly": true, "totally": true,
	"meget": true, "rigtig": true, "virkelig": true, "bare": true, "sangat": true, "betul": true,
	"memang": true, "真": true,
}

// phraseAt returns how many tokens at the start (or, with atStart false,
// the end) of toks spell the phrase words, intensifiers between its words
// included; 0 when they do not.
func phraseAt(toks []token, e *entry, atStart bool) int {
	words := e.words
	n := len(words)
	if n > len(toks) {
		return 0
	}
	if atStart {
		i := 0
		for j, w := range words {
			for j > 0 && i < len(toks) && intensifiers[toks[i].text] && toks[i].text != w {
				i++
			}
			if i >= len(toks) || !e.wordMatches(j, toks[i]) {
				return 0
			}
			i++
		}
		return i
	}
	i := len(toks) - 1
	for j := n - 1; j >= 0; j-- {
		for j < n-1 && i >= 0 && intensifiers[toks[i].text] && toks[i].text != words[j] {
			i--
		}
		if i < 0 || !e.wordMatches(j, toks[i]) {
			return 0
		}
		i--
	}
	return len(toks) - 1 - i
}

// wordMatches compares a token with the entry's j-th word; a word of
// five letters or more may be one edit away. A token more than one
// letter longer or shorter than the word is more than one edit from it,
// whatever its letters: no need to run the automaton.
func (e *entry) wordMatches(j int, tok token) bool {
	t := tok.text
	if t == e.words[j] {
		return true
	}
	if tok.squeezed != "" && tok.squeezed == e.squeezed[j] {
		return true // "heyy", "thank youuu": letters doubled for warmth
	}
	dfa := e.near[j]
	if dfa == nil {
		return false
	}
	// A token of four letters or fewer is a word of its own, not a slip
	// ("late" is not "later").
	if n := utf8.RuneCountInString(t); n < minNear || n < e.runes[j]-1 || n > e.runes[j]+1 {
		return false
	}
	// A slip of the finger rarely changes the first letter, while a
	// word one letter from a courtesy word that starts differently is
	// most often another word ("kettle" and "settle", "mice" and "nice").
	if first, _ := utf8.DecodeRuneInString(t); first != e.first[j] {
		return false
	}
	// A final "s" more or less makes another word of the same stem
	// ("later" and "laters", "right" and "rights").
	if t+"s" == e.words[j] || t == e.words[j]+"s" {
		return false
	}
	match, _ := dfa.MatchAndDistance(t)
	return match
}

// minNear is the fewest letters a word needs to be read as a slip of
// a courtesy word, and a courtesy word to be slipped on.
const minNear = 5

func latin(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) || r > 0x24f {
			return false
		}
	}
	return true
}
