package ollama

import (
	"context"
	"errors"
	"testing"

	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/ollamatest"
)

func TestOllamaEmbedder(t *testing.T) {
	fake := ollamatest.NewServer("test-model:1b")
	defer fake.Close()
	ctx := context.Background()
	tests := []struct {
		name    string
		host    string
		model   string
		texts   []string
		wantErr error
	}{
		{"batch", fake.URL, ollamatest.EmbedModel, []string{"refund my order", "where is my parcel", "退款"}, nil},
		{"name without tag", fake.URL, "test-embed", []string{"hello"}, nil},
		{"unknown model", fake.URL, "no-such-embed", []string{"hello"}, inference.ErrNoModel},
		{"unreachable", "http://127.0.0.1:1", ollamatest.EmbedModel, []string{"hello"}, inference.ErrUnreachable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := NewEmbedder(EmbedOptions{Host: tt.host, Model: tt.model})
			if err != nil {
				t.Fatal(err)
			}
			vecs, err := e.Embed(ctx, tt.texts)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(vecs) != len(tt.texts) {
				t.Fatalf("%d vectors for %d texts", len(vecs), len(tt.texts))
			}
			for i, v := range vecs {
				want := ollamatest.FakeEmbedding(tt.texts[i])
				if len(v) != len(want) || v[0] != want[0] || v[len(v)-1] != want[len(want)-1] {
					t.Errorf("vector %d is not the fake's vector for %q", i, tt.texts[i])
				}
			}
		})
	}
}

func TestOllamaEmbedderModelName(t *testing.T) {
	for in, want := range map[string]string{"nomic-embed-text": "nomic-embed-text:latest", "bge-m3:567m": "bge-m3:567m"} {
		e, err := NewEmbedder(EmbedOptions{Model: in})
		if err != nil {
			t.Fatal(err)
		}
		if got := e.EmbedModel(); got != want {
			t.Errorf("EmbedModel(%q) = %q, want %q", in, got, want)
		}
	}
	if _, err := NewEmbedder(EmbedOptions{}); err == nil {
		t.Error("no error for an embedder without a model")
	}
}
