package search

import "math"

// signals are what the confidence is computed from.
type signals struct {
	// cover is the share of the query the top document's best passage
	// holds; doc the top document's reranking score (passage, title,
	// lead and heading).
	cover, doc float64
	// margin is how far the top document's score is ahead of the best
	// document on another topic (a translation is the same topic).
	margin float64
	// unknown is the share of the query's weight in words that no
	// passage holds and nothing stands for.
	unknown float64
}

// signalsOf reads the signals of a reranked candidate list.
func signalsOf(ps []scored, q []queryTerm) signals {
	var s signals
	var want, unknown float64
	for _, t := range q {
		if t.place {
			// Where the question is asked from says nothing of whether
			// the knowledge base knows what it asks ("are you hiring in
			// Shah Alam"): a place weighs neither way.
			continue
		}
		w := t.idf * t.weight
		want += w
		switch {
		case t.df > 0 || len(t.alts) > 0 || len(t.parts) > 0 || t.implied || hasDigit(t.term):
		case t.prefix:
			unknown += w // a lone character is a clue, not knowledge
		default:
			unknown += w * (1 - bestHeld(t, ps))
		}
	}
	if want > 0 {
		s.unknown = unknown / want
	}
	if len(ps) == 0 {
		return s
	}
	top := ps[0]
	best := map[string]features{}
	for _, p := range ps {
		best[p.DocID] = best[p.DocID].max(p.features)
	}
	// The most of the query a passage of the top document holds: which
	// of its passages comes first (rerank's intent) does not change it.
	s.cover = best[top.DocID].cover
	s.doc = best[top.DocID].score()
	for _, p := range ps {
		if p.DocID == top.DocID || twinID(p.DocID, p.Lang, top.Lang) == top.DocID {
			continue
		}
		s.margin = s.doc - best[p.DocID].score()
		break
	}
	if s.margin == 0 && len(best) == 1 {
		s.margin = s.doc
	}
	return s
}

// Weights of the confidence, a logistic function of the signals, fitted
// on labelled answerable and unanswerable questions in the five
// languages (balancing the two classes) and rounded; the intercept is
// set so that the default threshold, 0.3, lets through nearly every
// answerable question phrased as customers phrase them.
const (
	confIntercept = -2.7
	confDoc       = 5.5
	confCover     = 3.3
	confMargin    = 1.8
	confUnknown   = -3.8
)

// confidence is how sure retrieval is that the first of the reranked
// candidates answers the query: high when its document is about what was
// asked (title, heading and passage hold the query), when it is clearly
// ahead of other topics, and when the query holds no word the knowledge
// base does not know.
func confidence(ps []scored, q []queryTerm) float64 {
	if len(ps) == 0 {
		return 0
	}
	s := signalsOf(ps, q)
	z := confIntercept + confDoc*s.doc + confCover*s.cover + confMargin*s.margin + confUnknown*s.unknown
	return 1 / (1 + math.Exp(-z))
}

// bestHeld is the most of a query term that a candidate holds.
func bestHeld(t queryTerm, ps []scored) float64 {
	best := 0.0
	for _, p := range ps {
		best = max(best, holds(t, p.terms))
	}
	return best
}

// unknownShare is the share of the query's weight in words no passage
// holds and nothing stands for, near matches not counted: Result.Unknown.
// Where the question is asked from, numbers and lone Chinese characters
// weigh neither way.
func unknownShare(q []queryTerm) float64 {
	var want, unknown float64
	for _, t := range q {
		if t.place || t.prefix || hasDigit(t.term) {
			continue
		}
		w := t.idf * t.weight
		want += w
		if t.df == 0 && len(t.alts) == 0 && len(t.parts) == 0 && !t.implied {
			unknown += w
		}
	}
	if want == 0 {
		return 0
	}
	return unknown / want
}
