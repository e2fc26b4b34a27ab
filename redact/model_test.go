package redact

import (
	"context"
	"errors"
	"testing"
)

// fakeNames is a NameModel that returns fixed names, or fails.
type fakeNames struct {
	names []string
	err   error
	seen  string
}

func (f *fakeNames) FindNames(_ context.Context, text string) ([]string, error) {
	f.seen = text
	return f.names, f.err
}

func TestRedactContext(t *testing.T) {
	// A word in lower case that no list knows: neither the rules nor the
	// tagger take it for a name, the model does.
	text := "Ask the zorbu about order 12345678; zorbu knows. Mail ann@example.com"
	tests := []struct {
		name  string
		model *fakeNames
		want  string
		err   bool
	}{
		{"no model", nil, "Ask the zorbu about order 12345678; zorbu knows. Mail <EMAIL_1>", false},
		{"model names", &fakeNames{names: []string{"zorbu", "Nobody", "x"}},
			"Ask the <PERSON_1> about order 12345678; <PERSON_1> knows. Mail <EMAIL_1>", false},
		{"model fails", &fakeNames{err: errors.New("timeout")}, "Ask the zorbu about order 12345678; zorbu knows. Mail <EMAIL_1>", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := Options{}
			if tt.model != nil {
				opts.Names = tt.model
			}
			res, err := New(opts).RedactContext(context.Background(), text, nil)
			if (err != nil) != tt.err || err != nil && !errors.Is(err, ErrNameModel) {
				t.Fatalf("error = %v, want error %v wrapping ErrNameModel", err, tt.err)
			}
			if res.Text != tt.want {
				t.Errorf("Text = %q, want %q", res.Text, tt.want)
			}
			if tt.model != nil && tt.model.seen != text {
				t.Errorf("model saw %q", tt.model.seen)
			}
		})
	}
}
