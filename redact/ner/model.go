package ner

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// Label is the tag of one token.
type Label uint8

// The labels.
const (
	Outside Label = iota // not part of a name
	Begin                // the first token of a name
	Inside               // a later token of the same name
)

// NumLabels is the number of labels.
const NumLabels = 3

// ErrBadModel is returned for model data that cannot be read.
var ErrBadModel = errors.New("ner: bad model data")

// Model holds the weights of a trained tagger. It is read-only and safe
// for concurrent use.
type Model struct {
	bits uint
	mask uint32
	// w holds, for every feature bucket, the weights of Begin and Inside
	// relative to Outside.
	w []int16
	// trans[from][to] is the weight of moving from label from (or, for
	// from == NumLabels, the start of the sequence) to label to.
	trans [NumLabels + 1][NumLabels]int32
	// DataHash identifies the training data the weights were made from.
	DataHash [sha256.Size]byte
}

// Bits returns log2 of the number of feature buckets.
func (m *Model) Bits() uint { return m.bits }

// Score adds the weights of a token's features: its scores for Begin and
// Inside, relative to Outside.
func (m *Model) Score(feats []uint32) (begin, inside int32) {
	w := m.w
	for _, f := range feats {
		i := (f & m.mask) << 1
		begin += int32(w[i])
		inside += int32(w[i+1])
	}
	return begin, inside
}

// Forbidden is an emission score that no label with it can win: the
// caller gives it to the labels a token cannot take.
const Forbidden = math.MinInt32 / 4

// Emission is a token's scores for Begin and Inside relative to Outside.
type Emission struct{ Begin, Inside int32 }

// Decode finds the best labels for a sequence, given each token's
// emission scores, and writes them to out (which must be as long). Inside
// never follows Outside or starts the sequence. back is scratch space of
// at least len(em) entries; pass nil to have Decode allocate it.
func (m *Model) Decode(em []Emission, out []Label, back [][NumLabels]uint8) [][NumLabels]uint8 {
	n := len(em)
	if n == 0 {
		return back
	}
	if cap(back) < n {
		back = make([][NumLabels]uint8, n)
	}
	back = back[:n]
	var score [NumLabels]int64
	t := &m.trans
	emit := func(k int) [NumLabels]int64 {
		return [NumLabels]int64{0, int64(em[k].Begin), int64(em[k].Inside)}
	}
	e := emit(0)
	for l := range NumLabels {
		score[l] = int64(t[NumLabels][l]) + e[l]
	}
	score[Inside] = Forbidden * 4
	for k := 1; k < n; k++ {
		e = emit(k)
		var next [NumLabels]int64
		for to := range NumLabels {
			best, arg := int64(math.MinInt64), uint8(0)
			for from := range NumLabels {
				if Label(to) == Inside && Label(from) == Outside {
					continue
				}
				if v := score[from] + int64(t[from][to]); v > best {
					best, arg = v, uint8(from)
				}
			}
			next[to] = best + e[to]
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
	return back
}

// magic starts every model file.
const magic = "hushdesk-ner-1\n"

// MarshalBinary writes the model, gzip-compressed.
func (m *Model) MarshalBinary() ([]byte, error) {
	var raw bytes.Buffer
	raw.WriteString(magic)
	raw.WriteByte(byte(m.bits))
	raw.Write(m.DataHash[:])
	for _, row := range m.trans {
		for _, v := range row {
			_ = binary.Write(&raw, binary.LittleEndian, v)
		}
	}
	_ = binary.Write(&raw, binary.LittleEndian, m.w)
	var out bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return nil, fmt.Errorf("compress model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("compress model: %w", err)
	}
	return out.Bytes(), nil
}

// Load reads a model written by MarshalBinary.
func Load(data []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadModel, err)
	}
	raw, err := io.ReadAll(io.LimitReader(zr, 64<<20))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadModel, err)
	}
	if !bytes.HasPrefix(raw, []byte(magic)) || len(raw) < len(magic)+1+sha256.Size {
		return nil, fmt.Errorf("%w: no header", ErrBadModel)
	}
	raw = raw[len(magic):]
	m := &Model{bits: uint(raw[0])}
	if m.bits < 4 || m.bits > 24 {
		return nil, fmt.Errorf("%w: %d bits", ErrBadModel, m.bits)
	}
	copy(m.DataHash[:], raw[1:])
	raw = raw[1+sha256.Size:]
	need := 4*(NumLabels+1)*NumLabels + 2*2<<m.bits
	if len(raw) != need {
		return nil, fmt.Errorf("%w: %d bytes of weights, want %d", ErrBadModel, len(raw), need)
	}
	for i := range m.trans {
		for j := range m.trans[i] {
			m.trans[i][j] = int32(binary.LittleEndian.Uint32(raw))
			raw = raw[4:]
		}
	}
	m.w = make([]int16, 2<<m.bits)
	for i := range m.w {
		m.w[i] = int16(binary.LittleEndian.Uint16(raw[2*i:]))
	}
	m.mask = 1<<m.bits - 1
	return m, nil
}
