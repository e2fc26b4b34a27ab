package ner

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
)

// Sequence is one training example: the features of its tokens, whether
// each token may be part of a name at all (a token that may not is
// labelled Outside whatever its scores), and the right labels.
type Sequence struct {
	Feats   [][]uint32
	Allowed []bool
	Gold    []Label
	// Starts, when not nil, says which tokens may begin a name; the
	// others may only continue one.
	Starts []bool
}

// TrainOptions configures Train.
type TrainOptions struct {
	// Bits is log2 of the number of feature buckets. Default 16.
	Bits uint
	// Epochs is the number of passes over the data. Default 8.
	Epochs int
	// Seed orders the examples in each pass; the same seed and data give
	// the same model.
	Seed uint64
	// DataHash is recorded in the model to say what it was trained on.
	DataHash [sha256.Size]byte
}

// ErrNoData is returned by Train when there is nothing to learn from.
var ErrNoData = errors.New("ner: no training data")

// trainer holds the weights during training, for all three labels, with
// the sums needed for averaging (the averaged perceptron of Collins 2002,
// with the lazy update of Daumé).
type trainer struct {
	mask     uint32
	w, u     []float64 // weights and their time-weighted updates, 3 per bucket
	tw, tu   [NumLabels + 1][NumLabels]float64
	c        float64 // examples seen, plus one
	emit     [][NumLabels]float64
	back     [][NumLabels]uint8
	pred     []Label
	scoreBuf [NumLabels]float64
}

// Train learns a model from the sequences, deterministically.
func Train(seqs []Sequence, opts TrainOptions) (*Model, error) {
	if len(seqs) == 0 {
		return nil, ErrNoData
	}
	if opts.Bits == 0 {
		opts.Bits = 16
	}
	if opts.Epochs == 0 {
		opts.Epochs = 8
	}
	for i, s := range seqs {
		if len(s.Feats) != len(s.Gold) || len(s.Allowed) != len(s.Gold) || s.Starts != nil && len(s.Starts) != len(s.Gold) {
			return nil, fmt.Errorf("ner: sequence %d: %d features, %d allowed, %d labels", i, len(s.Feats), len(s.Allowed), len(s.Gold))
		}
	}
	n := 1 << opts.Bits
	t := &trainer{mask: uint32(n - 1), w: make([]float64, 3*n), u: make([]float64, 3*n), c: 1}
	order := make([]int, len(seqs))
	for i := range order {
		order[i] = i
	}
	for epoch := range opts.Epochs {
		r := rand.New(rand.NewPCG(opts.Seed, uint64(epoch)))
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			t.learn(&seqs[i])
			t.c++
		}
	}
	return t.model(opts), nil
}

// learn decodes one sequence with the current weights and moves them
// towards the right labels where the decoding differs.
func (t *trainer) learn(s *Sequence) {
	n := len(s.Gold)
	if cap(t.emit) < n {
		t.emit = make([][NumLabels]float64, n)
		t.back = make([][NumLabels]uint8, n)
		t.pred = make([]Label, n)
	}
	emit, pred := t.emit[:n], t.pred[:n]
	for k := range n {
		var e [NumLabels]float64
		for _, f := range s.Feats[k] {
			i := 3 * (f & t.mask)
			e[0] += t.w[i]
			e[1] += t.w[i+1]
			e[2] += t.w[i+2]
		}
		if !s.Allowed[k] {
			e[Begin], e[Inside] = math.Inf(-1), math.Inf(-1)
		}
		if s.Starts != nil && !s.Starts[k] {
			e[Begin] = math.Inf(-1)
		}
		emit[k] = e
	}
	decodeFloat(emit, &t.tw, pred, t.back[:n])
	prev, gprev := NumLabels, NumLabels
	for k := range n {
		g, p := int(s.Gold[k]), int(pred[k])
		if g != p {
			for _, f := range s.Feats[k] {
				i := 3 * int(f&t.mask)
				t.w[i+g]++
				t.u[i+g] += t.c
				t.w[i+p]--
				t.u[i+p] -= t.c
			}
		}
		if g != p || gprev != prev {
			t.tw[gprev][g]++
			t.tu[gprev][g] += t.c
			t.tw[prev][p]--
			t.tu[prev][p] -= t.c
		}
		prev, gprev = p, g
	}
}

// decodeFloat is Model.Decode for the float weights of training.
func decodeFloat(em [][NumLabels]float64, trans *[NumLabels + 1][NumLabels]float64, out []Label, back [][NumLabels]uint8) {
	n := len(em)
	var score [NumLabels]float64
	for l := range NumLabels {
		score[l] = trans[NumLabels][l] + em[0][l]
	}
	score[Inside] = math.Inf(-1)
	for k := 1; k < n; k++ {
		var next [NumLabels]float64
		for to := range NumLabels {
			best, arg := math.Inf(-1), uint8(0)
			for from := range NumLabels {
				if Label(to) == Inside && Label(from) == Outside {
					continue
				}
				if v := score[from] + trans[from][to]; v > best {
					best, arg = v, uint8(from)
				}
			}
			next[to] = best + em[k][to]
			back[k][to] = arg
		}
		score = next
	}
	best := Outside
	for l := Label(1); l < NumLabels; l++ {
		if score[l] > score[best] {
			best = l
		}
	}
	for k := n - 1; k >= 0; k-- {
		out[k] = best
		best = Label(back[k][best])
	}
}

// model averages the weights and quantises them to the stored form.
func (t *trainer) model(opts TrainOptions) *Model {
	n := len(t.w) / 3
	rel := make([]float64, 2*n)
	maxAbs := 1e-9
	for b := range n {
		var avg [3]float64
		for l := range 3 {
			avg[l] = t.w[3*b+l] - t.u[3*b+l]/t.c
		}
		rel[2*b], rel[2*b+1] = avg[1]-avg[0], avg[2]-avg[0]
		maxAbs = max(maxAbs, math.Abs(rel[2*b]), math.Abs(rel[2*b+1]))
	}
	scale := 32000 / maxAbs
	m := &Model{bits: opts.Bits, mask: uint32(n - 1), w: make([]int16, 2*n), DataHash: opts.DataHash}
	for i, v := range rel {
		m.w[i] = int16(math.Round(v * scale))
	}
	for from := range t.tw {
		for to := range t.tw[from] {
			m.trans[from][to] = int32(math.Round((t.tw[from][to] - t.tu[from][to]/t.c) * scale))
		}
	}
	return m
}
