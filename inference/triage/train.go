package triage

import (
	_ "embed"
	"math"
	"math/rand/v2"
	"sync"
)

// trainingSet is the labelled messages the model learns from, one JSON
// sample a line. It is generated from the labelled files of the
// repository, less a held-out share kept for measuring (see
// heldout_test.go, which checks that it is up to date).
//
//go:embed training.jsonl
var trainingSet []byte

// trainConfig holds the settings of stochastic gradient descent.
type trainConfig struct {
	epochs int
	// lambda is the L2 penalty on the weights.
	lambda float64
	// eta0 is the first step size; it shrinks as 1/(1 + eta0*lambda*t).
	eta0 float64
	// maxPosWeight caps the weight of a trigger's examples, which is
	// sqrt(negatives/positives): rare triggers would otherwise be learnt
	// as never firing.
	maxPosWeight float64
	seed         uint64
}

// defaultTraining was chosen by cross-validation on the training set.
var defaultTraining = trainConfig{epochs: 20, lambda: 1e-5, eta0: 0.5, maxPosWeight: 4, seed: 1}

var (
	builtinOnce  sync.Once
	builtin      *model
	builtinError error
)

// builtinModel decodes the embedded weights, once per process: the model
// is read-only.
func builtinModel() (*model, error) {
	builtinOnce.Do(func() { builtin, builtinError = decodeModel(weightsFile) })
	return builtin, builtinError
}

// train fits one logistic regression per trigger, all in one pass over
// the samples, with the weights kept as a*v so that the L2 penalty
// shrinks all of them at once in constant time.
func train(samples []Sample, cfg trainConfig) *model {
	m := &model{triggers: Triggers(), rows: make([]int32, hashDim)}
	for i := range m.rows {
		m.rows[i] = -1
	}
	k := len(m.triggers)
	xs := make([][]int32, len(samples))
	scale := make([]float64, len(samples))
	labels := make([]uint32, len(samples))
	pos := make([]int, k)
	nrows := int32(0)
	var buf []feature
	for i, s := range samples {
		_, buf = extract(s.Text, buf[:0])
		scale[i] = featureScale(buf)
		rs := make([]int32, len(buf))
		for j, f := range buf {
			if m.rows[f.h] < 0 {
				m.rows[f.h] = nrows
				nrows++
			}
			rs[j] = m.rows[f.h]
		}
		xs[i] = rs
		for t, tr := range m.triggers {
			for _, g := range s.gold() {
				if g == tr {
					labels[i] |= 1 << t
					pos[t]++
				}
			}
		}
	}
	posWeight := make([]float64, k)
	for t := range posWeight {
		posWeight[t] = 1
		if pos[t] > 0 {
			posWeight[t] = min(cfg.maxPosWeight, max(1, math.Sqrt(float64(len(samples)-pos[t])/float64(pos[t]))))
		}
	}
	v := make([]float64, int(nrows)*k)
	a := make([]float64, k)
	for t := range a {
		a[t] = 1
	}
	bias := make([]float64, k)
	z, coef := make([]float64, k), make([]float64, k)
	rng := rand.New(rand.NewPCG(cfg.seed, 0x9e3779b97f4a7c15))
	order := make([]int, len(samples))
	for i := range order {
		order[i] = i
	}
	step := 0
	for range cfg.epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			eta := cfg.eta0 / (1 + cfg.eta0*cfg.lambda*float64(step))
			step++
			x := scale[i]
			copy(z, bias)
			for _, r := range xs[i] {
				row := v[int(r)*k : int(r)*k+k]
				for t := range row {
					z[t] += a[t] * row[t] * x
				}
			}
			for t := range z {
				y, cw := 0.0, 1.0
				if labels[i]&(1<<t) != 0 {
					y, cw = 1, posWeight[t]
				}
				g := (y - sigmoid(z[t])) * cw
				a[t] *= 1 - eta*cfg.lambda
				coef[t] = eta * g * x / a[t]
				bias[t] += eta * g
			}
			for _, r := range xs[i] {
				row := v[int(r)*k : int(r)*k+k]
				for t := range row {
					row[t] += coef[t]
				}
			}
			for t := range a {
				if a[t] < 1e-6 {
					for r := t; r < len(v); r += k {
						v[r] *= a[t]
					}
					a[t] = 1
				}
			}
		}
	}
	m.w = make([]float32, len(v))
	for i := range v {
		m.w[i] = float32(v[i] * a[i%k])
	}
	m.bias = bias
	return m
}
