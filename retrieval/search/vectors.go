package search

import (
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// vectorStore holds one embedding per passage, made by one model, in
// memory for search and, for an index on disk, in a bbolt file beside it.
// Vectors are normalised, so a dot product is their cosine similarity.
type vectorStore struct {
	db *bolt.DB // nil in memory

	mu    sync.RWMutex
	model string
	dim   int
	ids   []string // row -> passage id
	vers  []string // row -> document version
	rows  []float32
	pos   map[string]int // passage id -> row
}

var (
	bucketVectors = []byte("vectors")
	bucketMeta    = []byte("meta")
	keyModel      = []byte("model")
)

// openVectorStore opens (creating) the vector file at path, or a store in
// memory when path is "".
func openVectorStore(path string) (*vectorStore, error) {
	vs := &vectorStore{pos: map[string]int{}}
	if path == "" {
		return vs, nil
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return nil, fmt.Errorf("open passage vectors %s: %w", path, err)
	}
	vs.db = db
	err = db.View(func(tx *bolt.Tx) error {
		if m := tx.Bucket(bucketMeta); m != nil {
			vs.model = string(m.Get(keyModel))
		}
		b := tx.Bucket(bucketVectors)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			ver, vec, err := decodeVector(v)
			if err != nil {
				return fmt.Errorf("passage %s: %w", k, err)
			}
			vs.add(string(k), ver, vec)
			return nil
		})
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("read passage vectors: %w", err)
	}
	return vs, nil
}

func (vs *vectorStore) close() error {
	if vs.db == nil {
		return nil
	}
	return vs.db.Close()
}

// encodeVector lays out a document version (16 bytes) and the float32
// components, little-endian.
func encodeVector(ver string, vec []float32) []byte {
	b := make([]byte, 16+4*len(vec))
	copy(b, ver)
	for i, f := range vec {
		binary.LittleEndian.PutUint32(b[16+4*i:], math.Float32bits(f))
	}
	return b
}

func decodeVector(b []byte) (string, []float32, error) {
	if len(b) < 16 || (len(b)-16)%4 != 0 {
		return "", nil, errors.New("malformed vector")
	}
	vec := make([]float32, (len(b)-16)/4)
	for i := range vec {
		vec[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[16+4*i:]))
	}
	return string(b[:16]), vec, nil
}

// add puts a vector in memory; callers hold mu or own vs.
func (vs *vectorStore) add(id, ver string, vec []float32) {
	if vs.dim == 0 {
		vs.dim = len(vec)
	}
	if len(vec) != vs.dim {
		return
	}
	if r, ok := vs.pos[id]; ok {
		vs.vers[r] = ver
		copy(vs.rows[r*vs.dim:], vec)
		return
	}
	vs.pos[id] = len(vs.ids)
	vs.ids = append(vs.ids, id)
	vs.vers = append(vs.vers, ver)
	vs.rows = append(vs.rows, vec...)
}

// drop removes a vector from memory; callers hold mu.
func (vs *vectorStore) drop(id string) {
	r, ok := vs.pos[id]
	if !ok {
		return
	}
	last := len(vs.ids) - 1
	if r != last {
		vs.ids[r], vs.vers[r] = vs.ids[last], vs.vers[last]
		copy(vs.rows[r*vs.dim:(r+1)*vs.dim], vs.rows[last*vs.dim:])
		vs.pos[vs.ids[r]] = r
	}
	vs.ids, vs.vers, vs.rows = vs.ids[:last], vs.vers[:last], vs.rows[:last*vs.dim]
	delete(vs.pos, id)
}

// reset forgets every vector and records the model that makes the next
// ones.
func (vs *vectorStore) reset(model string) error {
	vs.mu.Lock()
	defer vs.mu.Unlock()
	vs.model, vs.dim = model, 0
	vs.ids, vs.vers, vs.rows = nil, nil, nil
	vs.pos = map[string]int{}
	if vs.db == nil {
		return nil
	}
	err := vs.db.Update(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketVectors) != nil {
			if err := tx.DeleteBucket(bucketVectors); err != nil {
				return err
			}
		}
		m, err := tx.CreateBucketIfNotExists(bucketMeta)
		if err != nil {
			return err
		}
		return m.Put(keyModel, []byte(model))
	})
	if err != nil {
		return fmt.Errorf("reset passage vectors: %w", err)
	}
	return nil
}

// put stores vectors (normalised here) for passages of the given
// document versions.
func (vs *vectorStore) put(ids, vers []string, vecs [][]float32) error {
	for _, v := range vecs {
		normalise(v)
	}
	vs.mu.Lock()
	defer vs.mu.Unlock()
	for i, id := range ids {
		if vs.dim != 0 && len(vecs[i]) != vs.dim {
			return fmt.Errorf("embedding of %d dimensions, want %d", len(vecs[i]), vs.dim)
		}
		vs.add(id, vers[i], vecs[i])
	}
	if vs.db == nil {
		return nil
	}
	err := vs.db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketVectors)
		if err != nil {
			return err
		}
		for i, id := range ids {
			if err := b.Put([]byte(id), encodeVector(vers[i], vecs[i])); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("save passage vectors: %w", err)
	}
	return nil
}

// remove deletes the vectors of passages.
func (vs *vectorStore) remove(ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	vs.mu.Lock()
	defer vs.mu.Unlock()
	for _, id := range ids {
		vs.drop(id)
	}
	if vs.db == nil {
		return nil
	}
	err := vs.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketVectors)
		if b == nil {
			return nil
		}
		for _, id := range ids {
			if err := b.Delete([]byte(id)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("delete passage vectors: %w", err)
	}
	return nil
}

// has reports whether a passage has a vector made from the given version.
func (vs *vectorStore) has(id, ver string) bool {
	vs.mu.RLock()
	defer vs.mu.RUnlock()
	r, ok := vs.pos[id]
	return ok && vs.vers[r] == ver
}

// nearest returns the n passages most similar to q, best first.
func (vs *vectorStore) nearest(q []float32, n int) []neighbour {
	normalise(q)
	vs.mu.RLock()
	defer vs.mu.RUnlock()
	if vs.dim == 0 || len(q) != vs.dim || n <= 0 {
		return nil
	}
	h := make(neighbours, 0, n+1)
	for r := range vs.ids {
		s := dot(q, vs.rows[r*vs.dim:(r+1)*vs.dim])
		if len(h) < n {
			heap.Push(&h, neighbour{id: vs.ids[r], sim: s})
		} else if s > h[0].sim {
			h[0] = neighbour{id: vs.ids[r], sim: s}
			heap.Fix(&h, 0)
		}
	}
	out := make([]neighbour, len(h))
	for i := len(h) - 1; i >= 0; i-- {
		out[i] = heap.Pop(&h).(neighbour)
	}
	return out
}

// neighbour is a passage and its similarity to a query.
type neighbour struct {
	id  string
	sim float32
}

// neighbours is a min-heap by similarity.
type neighbours []neighbour

func (h neighbours) Len() int           { return len(h) }
func (h neighbours) Less(i, j int) bool { return h[i].sim < h[j].sim }
func (h neighbours) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *neighbours) Push(x any)        { *h = append(*h, x.(neighbour)) }
func (h *neighbours) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func dot(a, b []float32) float32 {
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return s0 + s1 + s2 + s3
}

func normalise(v []float32) {
	var s float64
	for _, f := range v {
		s += float64(f) * float64(f)
	}
	if s == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(s))
	for i := range v {
		v[i] *= inv
	}
}
