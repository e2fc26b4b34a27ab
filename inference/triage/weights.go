package triage

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"time"
)

// weights.bin.gz holds the learned model, trained from training.jsonl by
// `go generate` (which runs TestWeightsUpToDate with -update), so that a
// process loads the weights instead of training at every start. A test
// trains afresh and fails when the file is not what training gives.
//
//go:generate go test -run "^(TestTrainingSetUpToDate|TestWeightsUpToDate)$" -update
//go:embed weights.bin.gz
var weightsFile []byte

var weightsMagic = []byte("hushdesk-triage-weights-v1\n")

// encodeModel writes m: the magic line, the trigger count and names, the
// biases, then each trained feature's hash with its row of weights, in
// hash order. The whole is gzipped.
func encodeModel(m *model) ([]byte, error) {
	var raw bytes.Buffer
	raw.Write(weightsMagic)
	k := len(m.triggers)
	raw.Write(binary.BigEndian.AppendUint32(nil, uint32(k)))
	for _, t := range m.triggers {
		raw.Write(binary.BigEndian.AppendUint16(nil, uint16(len(t))))
		raw.WriteString(string(t))
	}
	for _, b := range m.bias {
		raw.Write(binary.BigEndian.AppendUint64(nil, math.Float64bits(b)))
	}
	type entry struct{ h, row uint32 }
	var entries []entry
	for h, r := range m.rows {
		if r >= 0 {
			entries = append(entries, entry{uint32(h), uint32(r)})
		}
	}
	raw.Write(binary.BigEndian.AppendUint32(nil, uint32(len(entries))))
	for _, e := range entries {
		raw.Write(binary.BigEndian.AppendUint32(nil, e.h))
		for _, w := range m.w[int(e.row)*k : int(e.row)*k+k] {
			raw.Write(binary.BigEndian.AppendUint32(nil, math.Float32bits(w)))
		}
	}
	var out bytes.Buffer
	zw, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	zw.ModTime = zeroTime // the same weights give the same bytes
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// errWeights reports a weights file that cannot be read.
var errWeights = errors.New("triage weights are malformed")

// decodeModel reads what encodeModel wrote. Rows are numbered in hash
// order, so the model predicts exactly as the one that was written.
func decodeModel(b []byte) (*model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errWeights, err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errWeights, err)
	}
	r := reader{b: raw}
	if !bytes.Equal(r.next(len(weightsMagic)), weightsMagic) {
		return nil, fmt.Errorf("%w: not a weights file", errWeights)
	}
	k := int(r.u32())
	m := &model{rows: make([]int32, hashDim)}
	for range k {
		m.triggers = append(m.triggers, Trigger(r.next(int(r.u16()))))
	}
	if r.err == nil && !slices.Equal(m.triggers, Triggers()) {
		return nil, fmt.Errorf("%w: trained for triggers %v, the package has %v", errWeights, m.triggers, Triggers())
	}
	for range k {
		m.bias = append(m.bias, math.Float64frombits(r.u64()))
	}
	for i := range m.rows {
		m.rows[i] = -1
	}
	n := int(r.u32())
	if r.err == nil && n > hashDim {
		return nil, fmt.Errorf("%w: %d rows", errWeights, n)
	}
	m.w = make([]float32, 0, n*k)
	for row := range n {
		h := r.u32()
		if r.err != nil || h >= hashDim {
			return nil, fmt.Errorf("%w: row %d", errWeights, row)
		}
		m.rows[h] = int32(row)
		for range k {
			m.w = append(m.w, math.Float32frombits(r.u32()))
		}
	}
	if r.err != nil || len(r.b) != 0 {
		return nil, fmt.Errorf("%w: truncated or trailing bytes", errWeights)
	}
	return m, nil
}

type reader struct {
	b   []byte
	err error
}

func (r *reader) next(n int) []byte {
	if r.err != nil || n > len(r.b) {
		r.err = io.ErrUnexpectedEOF
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) u16() uint16 {
	if b := r.next(2); b != nil {
		return binary.BigEndian.Uint16(b)
	}
	return 0
}

func (r *reader) u32() uint32 {
	if b := r.next(4); b != nil {
		return binary.BigEndian.Uint32(b)
	}
	return 0
}

func (r *reader) u64() uint64 {
	if b := r.next(8); b != nil {
		return binary.BigEndian.Uint64(b)
	}
	return 0
}

// zeroTime is the gzip header's time: none.
var zeroTime = time.Time{}
