package eval

import "sort"

// Judged is one query's confidence and whether the knowledge base can
// answer it.
type Judged struct {
	Confidence float64
	Answerable bool
}

// Abstention scores the confidence as a classifier at one threshold:
// "answer" when the confidence is at least the threshold.
type Abstention struct {
	Threshold float64
	// Precision is the share of answered queries that were answerable.
	Precision float64
	// Recall is the share of answerable queries that were answered.
	Recall float64
	// Abstained is the share of unanswerable queries that were not
	// answered.
	Abstained float64
	F1        float64
}

// AbstentionAt scores the classifier at threshold t.
func AbstentionAt(js []Judged, t float64) Abstention {
	var tp, fp, fn, tn float64
	for _, j := range js {
		answered := j.Confidence >= t
		switch {
		case answered && j.Answerable:
			tp++
		case answered:
			fp++
		case j.Answerable:
			fn++
		default:
			tn++
		}
	}
	a := Abstention{Threshold: t}
	if tp+fp > 0 {
		a.Precision = tp / (tp + fp)
	}
	if tp+fn > 0 {
		a.Recall = tp / (tp + fn)
	}
	if tn+fp > 0 {
		a.Abstained = tn / (tn + fp)
	}
	if a.Precision+a.Recall > 0 {
		a.F1 = 2 * a.Precision * a.Recall / (a.Precision + a.Recall)
	}
	return a
}

// BestThreshold returns the threshold, among the observed confidences,
// with the highest F1; ties go to the higher threshold (abstaining more
// is the safer error). It returns the zero value for no queries.
func BestThreshold(js []Judged) Abstention {
	cands := make([]float64, 0, len(js))
	for _, j := range js {
		cands = append(cands, j.Confidence)
	}
	sort.Float64s(cands)
	var best Abstention
	for _, t := range cands {
		a := AbstentionAt(js, t)
		if a.F1 >= best.F1 {
			best = a
		}
	}
	return best
}
