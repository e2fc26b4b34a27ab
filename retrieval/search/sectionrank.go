package search

import (
	"strconv"
	"strings"
)

// The section model orders the passages of one article: which section
// answers the question. Its features, each between 0 and 1 (or a flag),
// are measured on a passage against its article's other candidates; its
// weights (sectionweights.go) are learnt by go generate from the shop
// sample's section questions (testdata/retrieval/sections.jsonl) and
// the answers of the first three development parts of the conversation
// set that stand alone (never a later part, the held-out part or another
// help centre's questions): a pairwise logistic
// model of the answering section against each other candidate section
// of its article, with an L2 penalty, fitted by Newton's method from
// zero (trainPairwise), so that the same data always gives the same
// weights (sectionweights_test.go).
//
//go:generate go test -run ^TestSectionWeightsUpToDate$ -update

// The features of a candidate passage within its article.
const (
	// secCover is the share of the query the passage holds.
	secCover = iota
	// secHead is the share of the query its heading holds, a word the
	// article's title says too counting for half.
	secHead
	// secHeadAll is the share of the query its heading holds, title
	// words and all: a heading that says the whole question.
	secHeadAll
	// secRest and secHeadRest are the shares of what the article's
	// title does not hold of the query that the passage and its heading
	// hold: what sets the section apart from its article's subject.
	secRest
	secHeadRest
	// secFirstPass is its first-pass (BM25) score relative to the best
	// of its article's candidates.
	secFirstPass
	// secIntent is 1 when its heading promises the kind of answer the
	// question asks for; secHolds when its text holds it.
	secIntent
	secHolds
	// secDigest is 1 for a section of questions each answered in a
	// line (digest.go).
	secDigest
	// secNamed is 1 when its heading names something the question does
	// not say, the search not held to the article.
	secNamed
	// secLead is 1 for the article's lead, before its first heading.
	secLead
	// secRegion is 1 when its heading names the part of the world the
	// question is asked from.
	secRegion
	// secElapsed is 1 when its heading's window of time (the first
	// hour, after it) holds the time the question says has gone by, -1
	// when it does not, 0 when either says none.
	secElapsed
	// secTitledEarly is 1/n for the article's n-th section (0 for its
	// lead), times the share of the query the article's title holds:
	// when the title says all the question asks ("how do I make a
	// complaint" of "Making a complaint"), the article answers it from
	// the start, and its first section is the first step.
	secTitledEarly
	numSecFeatures
)

// sectionFeatureNames name the features, for the weights file and tests.
var sectionFeatureNames = [numSecFeatures]string{"cover", "head", "head_all", "rest", "head_rest", "first_pass", "intent", "holds", "digest", "named", "lead", "region", "elapsed", "titled_early"}

// secVector is the features of a candidate passage within its article.
type secVector [numSecFeatures]float64

// sectionModel is a linear model of a passage's rank in its article.
type sectionModel struct{ w secVector }

// score is a passage's rank within its article.
func (m sectionModel) score(x secVector) float64 { return linear(m.w[:], x[:]) }

// builtinSections is the model searches use.
var builtinSections = sectionModel{w: sectionWeights}

// sectionVectors measures the features of each measured candidate
// (measureShared done) within its article.
func sectionVectors(ps []scored, qs *question) []secVector {
	best := make(map[string]float64, len(ps))
	for _, p := range ps {
		best[p.DocID] = max(best[p.DocID], p.Score)
	}
	lowerText := strings.ToLower(qs.text)
	titled := make(map[string][]float64, len(best)) // what each document's title holds of each query term
	out := make([]secVector, len(ps))
	for i := range ps {
		p := &ps[i]
		x := &out[i]
		q := qs.terms[analysisKey(p.Lang)]
		x[secCover] = p.cover
		x[secHead] = coverageBeyond(q, p.headTerms, p.titleTerms)
		x[secHeadAll] = p.head
		inTitle, ok := titled[p.DocID]
		if !ok {
			inTitle = make([]float64, len(q))
			for k, t := range q {
				inTitle[k] = holds(t, p.titleTerms)
			}
			titled[p.DocID] = inTitle
		}
		x[secRest] = beyondTitle(q, inTitle, p.terms)
		x[secHeadRest] = beyondTitle(q, inTitle, p.headTerms)
		if b := best[p.DocID]; b > 0 {
			x[secFirstPass] = p.Score / b
		}
		x[secIntent] = oneIf(qs.asks&p.headIntent != 0)
		x[secHolds] = oneIf(qs.asks&p.holds != 0)
		x[secDigest] = oneIf(p.digest)
		x[secNamed] = oneIf(!qs.within && unaskedName(p.names, lowerText))
		x[secLead] = oneIf(p.Heading == "")
		x[secRegion] = oneIf(qs.from != regionNone && p.headRegion == qs.from)
		if n := p.ordinal(); n > 0 && !qs.within && !qs.continues {
			x[secTitledEarly] = p.title / float64(n)
		}
		if qs.elapsedKnown {
			if w, ok := windowOf(p.Heading); ok {
				x[secElapsed] = 2*oneIf(w.holdsElapsed(qs.elapsed)) - 1
			}
		}
	}
	return out
}

// beyondTitle is the share of the query's weight the title does not
// hold (inTitle, term by term) that terms hold.
func beyondTitle(q []queryTerm, inTitle []float64, terms termSet) float64 {
	var want, have float64
	for k, t := range q {
		r := 1 - inTitle[k]
		if r <= 0 {
			continue
		}
		w := t.idf * t.weight
		want += w * r
		have += w * max(0, holds(t, terms)-inTitle[k])
	}
	if want == 0 {
		return 0
	}
	return have / want
}

// ordinal is the passage's place in its document: 0 for the first
// (the lead, when the document has one), -1 when its id does not say.
func (p *scored) ordinal() int {
	n, ok := strings.CutPrefix(p.ChunkID, p.DocID+"#")
	if !ok {
		return -1
	}
	i, err := strconv.Atoi(n)
	if err != nil {
		return -1
	}
	return i
}

// oneIf is 1 for true, 0 for false.
func oneIf(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
