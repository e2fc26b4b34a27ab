package triage

import (
	"math"
	"slices"
	"strings"
)

// model is one-vs-rest logistic regression over the hashed features of
// features.go: one weight per feature and trigger, and a bias per
// trigger. Only the features seen in training have weights; rows maps a
// hashed feature to its row of weights. It is read-only once trained.
type model struct {
	triggers []Trigger // the order of the weights in a row
	rows     []int32   // by hashed feature; -1 when never seen in training
	w        []float32 // row*len(triggers) + trigger
	bias     []float64
}

// prediction is the model's view of one message.
type prediction struct {
	norm  string    // the normalised text the features point into
	feats []feature // with rows: f.h is replaced by the row, or -1
	prob  []float64 // by trigger, in model.triggers order
}

// predict scores text for every trigger.
func (m *model) predict(text string) prediction {
	norm, feats := extract(text, make([]feature, 0, 8*len(text)/3+16))
	k := len(m.triggers)
	z := make([]float64, k)
	copy(z, m.bias)
	x := featureScale(feats)
	for i := range feats {
		r := m.rows[feats[i].h]
		feats[i].h = uint32(r)
		if r < 0 {
			continue
		}
		row := m.w[int(r)*k : int(r)*k+k]
		for t, w := range row {
			z[t] += float64(w) * x
		}
	}
	for t := range z {
		z[t] = sigmoid(z[t])
	}
	return prediction{norm: norm, feats: feats, prob: z}
}

// evidence returns the text that counted most for trigger t (an index
// into m.triggers): the word, pair of words or Chinese characters whose
// features add up to the largest weight.
func (m *model) evidence(p prediction, t int) string {
	k := len(m.triggers)
	sums := make(map[[2]int]float32, 32)
	for _, f := range p.feats {
		if r := int32(f.h); r >= 0 {
			sums[[2]int{f.start, f.end}] += m.w[int(r)*k+t]
		}
	}
	var best [2]int
	bestW := float32(0)
	for sp, w := range sums {
		// Ties go to the earlier, then the shorter, span, so that the
		// evidence does not depend on the map's order.
		if w > bestW || (w == bestW && w > 0 && (sp[0] < best[0] || sp[0] == best[0] && sp[1] < best[1])) {
			best, bestW = sp, w
		}
	}
	if bestW <= 0 {
		return "(model)"
	}
	return strings.TrimSpace(p.norm[best[0]:best[1]])
}

// featureScale is the value of one occurrence of a feature: a message's
// vector of feature counts is scaled to length 1, so that a long message,
// or one that repeats itself, weighs no more than a short one.
func featureScale(feats []feature) float64 {
	if len(feats) == 0 {
		return 0
	}
	hs := make([]uint32, len(feats))
	for i, f := range feats {
		hs[i] = f.h
	}
	slices.Sort(hs)
	sum, run := 0, 1
	for i := 1; i <= len(hs); i++ {
		if i < len(hs) && hs[i] == hs[i-1] {
			run++
			continue
		}
		sum += run * run
		run = 1
	}
	return 1 / math.Sqrt(float64(sum))
}

func sigmoid(z float64) float64 {
	if z < -30 {
		return 0
	}
	return 1 / (1 + math.Exp(-z))
}
