package eval

import (
	"math"
	"sort"
)

// Scores are the mean metrics of a run over the judged queries.
type Scores struct {
	// Queries is how many judged queries were scored.
	Queries int
	NDCG10  float64
	Recall5 float64
	MRR10   float64
	// First is the share of queries whose first document is relevant:
	// the right article first.
	First float64
}

// Score scores a run against qrels. Only queries with at least one
// relevant judgement count; a judged query missing from the run scores 0.
// When only is not nil, it limits the queries scored.
func Score(run Run, qrels Qrels, only func(qid string) bool) Scores {
	var s Scores
	qids := make([]string, 0, len(qrels))
	for qid := range qrels {
		qids = append(qids, qid)
	}
	sort.Strings(qids)
	for _, qid := range qids {
		rel := qrels[qid]
		if !hasRelevant(rel) || (only != nil && !only(qid)) {
			continue
		}
		hits := run[qid]
		s.Queries++
		s.NDCG10 += NDCG(hits, rel, 10)
		s.Recall5 += Recall(hits, rel, 5)
		s.MRR10 += ReciprocalRank(hits, rel, 10)
		if ReciprocalRank(hits, rel, 1) == 1 {
			s.First++
		}
	}
	if s.Queries > 0 {
		n := float64(s.Queries)
		s.NDCG10 /= n
		s.Recall5 /= n
		s.MRR10 /= n
		s.First /= n
	}
	return s
}

func hasRelevant(rel map[string]int) bool {
	for _, g := range rel {
		if g > 0 {
			return true
		}
	}
	return false
}

// NDCG is the normalised discounted cumulative gain of the first k hits,
// with the grade as gain and log2(rank+1) as discount (as trec_eval and
// BEIR compute it). A document counts once, at its best rank.
func NDCG(hits []Hit, rel map[string]int, k int) float64 {
	dcg := 0.0
	seen := map[string]bool{}
	rank := 0
	for _, h := range hits {
		if rank >= k {
			break
		}
		if seen[h.DocID] {
			continue
		}
		seen[h.DocID] = true
		rank++
		if g := rel[h.DocID]; g > 0 {
			dcg += float64(g) / math.Log2(float64(rank)+1)
		}
	}
	var grades []int
	for _, g := range rel {
		if g > 0 {
			grades = append(grades, g)
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(grades)))
	ideal := 0.0
	for i, g := range grades {
		if i >= k {
			break
		}
		ideal += float64(g) / math.Log2(float64(i)+2)
	}
	if ideal == 0 {
		return 0
	}
	return dcg / ideal
}

// Recall is the share of the relevant documents found in the first k hits.
func Recall(hits []Hit, rel map[string]int, k int) float64 {
	total := 0
	for _, g := range rel {
		if g > 0 {
			total++
		}
	}
	if total == 0 {
		return 0
	}
	found := map[string]bool{}
	for i, h := range hits {
		if i >= k {
			break
		}
		if rel[h.DocID] > 0 {
			found[h.DocID] = true
		}
	}
	return float64(len(found)) / float64(total)
}

// ReciprocalRank is 1/rank of the first relevant document within the
// first k hits, or 0.
func ReciprocalRank(hits []Hit, rel map[string]int, k int) float64 {
	for i, h := range hits {
		if i >= k {
			break
		}
		if rel[h.DocID] > 0 {
			return 1 / float64(i+1)
		}
	}
	return 0
}
