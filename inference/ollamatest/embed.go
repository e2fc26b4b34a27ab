package ollamatest

import (
	"encoding/json"
	"hash/fnv"
	"math"
	"net/http"
	"strings"
	"unicode"
)

// EmbedModel is the embedding model the fake serves. Embedding requests
// for any other model, or while the behaviour is NoModel, get 404.
const EmbedModel = "test-embed:latest"

// EmbedDims is the length of the fake's vectors.
const EmbedDims = 256

type embedRequest struct {
	Model string `json:"model"`
	Input any    `json:"input"`
}

// embed answers /api/embed with deterministic vectors: a hashed bag of
// words, each word cut to its first five letters (a crude stem) and each
// pair of Han characters counted, so that texts sharing words are near
// and a test of hybrid search can tell near from far.
func (s *Server) embed(w http.ResponseWriter, r *http.Request) {
	var req embedRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, `{"error":"bad request"}`, http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	b := s.behaviour
	s.mu.Unlock()
	if b == NoModel || (req.Model != EmbedModel && req.Model+":latest" != EmbedModel) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		w.Write([]byte(`{"error":"model '` + req.Model + `' not found"}`))
		return
	}
	var inputs []string
	switch in := req.Input.(type) {
	case string:
		inputs = []string{in}
	case []any:
		for _, v := range in {
			s, ok := v.(string)
			if !ok {
				http.Error(w, `{"error":"input must be strings"}`, http.StatusBadRequest)
				return
			}
			inputs = append(inputs, s)
		}
	default:
		http.Error(w, `{"error":"missing input"}`, http.StatusBadRequest)
		return
	}
	out := make([][]float32, len(inputs))
	for i, text := range inputs {
		out[i] = FakeEmbedding(text)
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"model": req.Model, "embeddings": out})
}

// FakeEmbedding is the vector the fake returns for a text.
func FakeEmbedding(text string) []float32 {
	v := make([]float32, EmbedDims)
	add := func(tok string) {
		h := fnv.New32a()
		h.Write([]byte(tok))
		x := h.Sum32()
		sign := float32(1)
		if x&1 == 1 {
			sign = -1
		}
		v[(x>>1)%EmbedDims] += sign
	}
	var han []rune
	for _, word := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		rs := []rune(word)
		if unicode.Is(unicode.Han, rs[0]) {
			han = append(han[:0], rs...)
			for j := 0; j+1 < len(han); j++ {
				add(string(han[j : j+2]))
			}
			continue
		}
		add(string(rs[:min(5, len(rs))]))
	}
	var n float64
	for _, f := range v {
		n += float64(f * f)
	}
	if n > 0 {
		inv := float32(1 / math.Sqrt(n))
		for i := range v {
			v[i] *= inv
		}
	}
	return v
}
