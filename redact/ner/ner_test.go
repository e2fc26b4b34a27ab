package ner

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"testing"
)

// toy makes sequences of words where a name is one or two tokens marked
// by a "capital" feature, and some capitals (a "brand" feature) are not
// names.
func toy(n int, seed uint64) []Sequence {
	r := rand.New(rand.NewPCG(seed, 1))
	capital, brand, word := New(1).Sum(), New(2).Sum(), New(3)
	var out []Sequence
	for range n {
		var s Sequence
		for k := 0; k < 8; k++ {
			f := []uint32{New(0).Sum(), word.Int(uint32(r.IntN(50))).Sum()}
			g := Outside
			switch r.IntN(5) {
			case 0:
				f = append(f, capital)
				g = Begin
				if k > 0 && s.Gold[k-1] != Outside {
					g = Inside
				}
			case 1:
				f = append(f, capital, brand)
			}
			s.Feats = append(s.Feats, f)
			s.Gold = append(s.Gold, g)
			s.Allowed = append(s.Allowed, true)
		}
		out = append(out, s)
	}
	return out
}

func TestTrainLearnsAndDecodes(t *testing.T) {
	m, err := Train(toy(400, 1), TrainOptions{Bits: 10, Epochs: 5, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	test := toy(100, 2)
	wrong, total := 0, 0
	var back [][NumLabels]uint8
	for _, s := range test {
		em := make([]Emission, len(s.Feats))
		for k, f := range s.Feats {
			em[k].Begin, em[k].Inside = m.Score(f)
		}
		out := make([]Label, len(em))
		back = m.Decode(em, out, back)
		for k, l := range out {
			if l == Inside && (k == 0 || out[k-1] == Outside) {
				t.Fatalf("Inside after Outside at %d: %v", k, out)
			}
			total++
			if l != s.Gold[k] {
				wrong++
			}
		}
	}
	if wrong*50 > total {
		t.Errorf("%d of %d tokens wrong", wrong, total)
	}
}

func TestForbiddenTokensStayOutside(t *testing.T) {
	m, _ := Train(toy(100, 3), TrainOptions{Bits: 10, Epochs: 2})
	em := []Emission{{Begin: 1000, Inside: 0}, {Begin: Forbidden, Inside: Forbidden}, {Begin: 0, Inside: 5000}}
	out := make([]Label, 3)
	m.Decode(em, out, nil)
	if out[1] != Outside || out[2] == Inside {
		t.Errorf("labels %v: a forbidden token was tagged, or Inside followed it", out)
	}
}

func TestTrainIsDeterministicAndRoundTrips(t *testing.T) {
	data := toy(200, 4)
	a, _ := Train(data, TrainOptions{Bits: 10, Epochs: 3, Seed: 9})
	b, _ := Train(data, TrainOptions{Bits: 10, Epochs: 3, Seed: 9})
	ab, err := a.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	bb, _ := b.MarshalBinary()
	if !bytes.Equal(ab, bb) {
		t.Fatal("two trainings on the same data and seed differ")
	}
	c, err := Load(ab)
	if err != nil {
		t.Fatal(err)
	}
	cb, _ := c.MarshalBinary()
	if !bytes.Equal(ab, cb) || c.Bits() != 10 {
		t.Error("a loaded model does not write back the same")
	}
	for _, bad := range [][]byte{nil, []byte("not gzip"), ab[:len(ab)/2]} {
		if _, err := Load(bad); !errors.Is(err, ErrBadModel) {
			t.Errorf("Load(%d bytes) error = %v, want ErrBadModel", len(bad), err)
		}
	}
	if _, err := Train(nil, TrainOptions{}); !errors.Is(err, ErrNoData) {
		t.Errorf("Train(nil) error = %v", err)
	}
}

func TestHash(t *testing.T) {
	if New(1).Str("anna").Sum() != New(1).Str("anna").Sum() {
		t.Error("hash not stable")
	}
	if New(1).Str("anna").Sum() == New(2).Str("anna").Sum() || New(1).Str("anna").Sum() == New(1).Str("anne").Sum() {
		t.Error("different features hash alike")
	}
	if New(1).Int(0).Sum() == New(1).Int(1).Sum() {
		t.Error("Int(0) and Int(1) hash alike")
	}
}
