package redact

import (
	"strings"
	"sync"
	"unsafe"

	"github.com/hushdesk/hushdesk/redact/ner"
)

// scan is the state shared by the detectors during one Find.
type scan struct {
	// text is the text read: the original, or its normal form.
	text string
	// lower is text in lower case, byte for byte the same length (runes
	// whose lower case has another length are kept as they are).
	//
	// Unless it is text itself, it shares the memory of lowerBuf.
	lower string
	// The buffers of the lower-case copy, of the normalised text (text,
	// when the original is not in NFKC) with its map to the original, and
	// of the digits of a number candidate. Strings made from them must not
	// outlive the scan: see owns.
	lowerBuf, normBuf, digitBuf []byte
	origBuf                     []int
	// resolved is the buffer of the findings resolve keeps.
	resolved []Finding
	// cues is the answer of cuesBefore for offset cuesAt-1.
	cues   [contextCueSets]int
	cuesAt int
	// words are the letter and digit runs of text, in order.
	words []word
	// flags holds what each word can be, looked up once.
	flags []lexFlags
	// Buffers of the number reader, reused from run to run.
	runGroups  []span
	runSeps    []string
	candGroups []int
	// nameRuns is the buffer of the name detector's candidate runs.
	nameRuns []scoredRun
	// caseless is set when text has no upper-case letter, so that
	// capitalisation says nothing about names.
	caseless bool
	// has records which kinds of word the text holds, so that detectors
	// with nothing to look at are skipped.
	has wordKinds
	// marks holds the marks of all the words (see wordMarks).
	marks wordMarks
	// found collects the detectors' candidates.
	found []Finding
	// Buffers of the name tagger: what the rules found on each word, the
	// features of one word, the scores and labels of all of them.
	ruleMark  []uint8
	byteMark  []uint8
	feats     []uint32
	emissions []ner.Emission
	labels    []ner.Label
	back      [][ner.NumLabels]uint8
	// zh and zhMask are the Chinese tagger's reading of one CJK word.
	zh     zhChars
	zhMask []bool
	// shouting is set when the text is written in capitals, lowish when
	// it has capitals only at the start of its sentences.
	shouting, lowish bool
	// placeholders is set when the text holds placeholders of an earlier
	// redaction, which stand for words whose capitals are gone.
	placeholders bool
	// company is set by the phone reader when the number it read is a
	// company's (a hotline), which no part of it then is either.
	company bool
	// tagDrop, when not 0, hides the list flags of some words from the
	// tagger (in training only; see tagLex).
	tagDrop uint64
}

// scans keeps the buffers of finished scans for the next Find.
var scans = sync.Pool{New: func() any { return new(scan) }}

// scanText prepares the scan of a text: its words, its lower-case copy,
// and, when the text has runes NFKC may change, its normalised form (with
// the map back to the original offsets). The common case, a text that is
// already normal, takes one pass.
func scanText(text string) (*scan, normalized) {
	s := scans.Get().(*scan)
	s.found = s.found[:0]
	if s.fill(text, true) {
		return s, normalized{text: text}
	}
	s.normBuf, s.origBuf = normalizeInto(s.normBuf[:0], s.origBuf[:0], text)
	n := normalized{text: unsafe.String(unsafe.SliceData(s.normBuf), len(s.normBuf)), orig: s.origBuf}
	s.fill(n.text, false)
	return s, n
}

// placeholderAt returns the length of the placeholder (<TYPE_n>) starting
// at i, or 0.
func placeholderAt(t string, i int) int {
	j := strings.IndexByte(t[i:min(len(t), i+48)], '>')
	if j < 0 || !isPlaceholder(t[i:i+j+1]) {
		return 0
	}
	return j + 1
}

// release returns the scan's buffers for reuse. The findings must have
// been copied out.
func (s *scan) release() {
	if cap(s.words) > 1<<16 || cap(s.lowerBuf) > 1<<20 || cap(s.normBuf) > 1<<20 || cap(s.origBuf) > 1<<18 {
		return // keep the pool small after a huge text
	}
	s.text, s.lower = "", ""
	s.tagDrop = 0
	scans.Put(s)
}

// owns reports whether v lies in one of the scan's buffers, which the
// next scan overwrites: a finding's canonical value that does must be
// copied before the finding leaves Find.
func (s *scan) owns(v string) bool {
	return inBuffer(v, s.lowerBuf) || inBuffer(v, s.normBuf) || inBuffer(v, s.digitBuf)
}

// inBuffer reports whether the bytes of v lie within the capacity of b.
func inBuffer(v string, b []byte) bool {
	if len(v) == 0 || cap(b) == 0 {
		return false
	}
	p, start := uintptr(unsafe.Pointer(unsafe.StringData(v))), uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	return p >= start && p < start+uintptr(cap(b))
}

// findingOver reports whether a finding overlapping [start, end) is one ok
// accepts (any, with ok nil): the one question the detectors ask of what
// was found before them.
func (s *scan) findingOver(start, end int, ok func(Finding) bool) bool {
	for _, f := range s.found {
		if f.Start < end && start < f.End && (ok == nil || ok(f)) {
			return true
		}
	}
	return false
}

// add records a candidate finding.
func (s *scan) add(t Type, start, end int, score float64, canon string) {
	s.found = append(s.found, Finding{Type: t, Start: start, End: end, Score: score, canon: canon})
}
