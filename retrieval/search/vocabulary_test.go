package search

import (
	"context"
	"errors"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/retrieval/kb"
)

func TestReadVocabularyErrors(t *testing.T) {
	tests := map[string]string{
		"unknown key":       "synonym:\n  en:\n    - [a, b]\n",
		"unknown language":  "synonyms:\n  klingon:\n    - [a, b]\n",
		"one entry":         "synonyms:\n  en:\n    - [bike]\n",
		"no letter":         "synonyms:\n  en:\n    - [bike, '--']\n",
		"credit above one":  "rules:\n  en:\n    - from: [flat]\n      to: [puncture]\n      credit: 1.5\n",
		"rule without from": "rules:\n  en:\n    - to: [puncture]\n",
		"place without any": "places:\n  - region: nowhere\n    words: {en: [nowhere]}\n",
		"not yaml":          "synonyms: [\n",
	}
	for name, body := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := ReadVocabulary(fstest.MapFS{"bad.yaml": {Data: []byte(body)}})
			if !errors.Is(err, ErrVocabulary) {
				t.Fatalf("err = %v, want ErrVocabulary", err)
			}
		})
	}
}

// TestVocabularyLayers checks that a file replaces a file of the same
// name from an earlier layer, and that files of new names add to them.
func TestVocabularyLayers(t *testing.T) {
	sample := fstest.MapFS{
		"places.yaml": {Data: []byte("places:\n  - region: denmark\n    words: {en: [denmark]}\n    latin: [aarhus]\n")},
		"shop.yaml":   {Data: []byte("synonyms:\n  en:\n    - [parcel, package]\n")},
	}
	operator := fstest.MapFS{
		"places.yaml": {Data: []byte("places:\n  - region: norway\n    words: {en: [norway]}\n    latin: [bergen]\n")},
		"bikes.yaml":  {Data: []byte("synonyms:\n  en:\n    - [bike, bicycle]\n")},
		"notes.txt":   {Data: []byte("not a vocabulary file")},
	}
	v, err := ReadVocabulary(sample, nil, operator)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"bikes.yaml", "places.yaml", "shop.yaml", "support.yaml"}; !slices.Equal(v.Files(), want) {
		t.Errorf("files %v, want %v", v.Files(), want)
	}
	var froms []string
	for _, r := range v.rules["en"] {
		if slices.Contains(r.to, "denmark") || slices.Contains(r.to, "norway") {
			froms = append(froms, r.from...)
		}
	}
	if !slices.Equal(froms, []string{"bergen"}) {
		t.Errorf("place names %v: the operator's places.yaml should replace the sample's", froms)
	}
	has := func(group string) bool {
		return slices.ContainsFunc(v.synonyms["en"], func(g []string) bool { return g[0] == group })
	}
	if !has("bike") || !has("parcel") || !has("refund") {
		t.Errorf("groups %v lack the operator's, the sample's or the engine's", v.synonyms["en"])
	}
	if w, err := ReadVocabulary(operator, sample); err != nil || w.Version() == v.Version() {
		t.Errorf("another order of layers gives the same version (%v)", err)
	}
}

// TestVocabularyExample is the example of docs/vocabulary.md: a bicycle
// shop's file makes its customers' words find its articles.
func TestVocabularyExample(t *testing.T) {
	bikes := fstest.MapFS{"bikes.yaml": {Data: []byte(`synonyms:
  en:
    - [bike, bicycle, cycle]
    - [puncture, flat tyre, flat tire]
rules:
  en:
    - from: [chain came off, "won't shift", gears slip*]
      to: [repair]
`)}}
	docs := []kb.Document{
		{ID: "bikes/punctures.md", Lang: lang.English, Text: "# Punctures\n\nWe mend a puncture while you wait."},
		{ID: "bikes/repairs.md", Lang: lang.English, Text: "# Repairs\n\nBook a repair of your gears or brakes online."},
		{ID: "bikes/delivery.md", Lang: lang.English, Text: "# Delivery\n\nWe deliver a new bicycle within a week."},
	}
	tests := []struct{ query, want string }{
		{"i have a flat tire", "bikes/punctures.md"},
		{"my chain came off on the way to work", "bikes/repairs.md"},
	}
	for _, withFile := range []bool{false, true} {
		opts := Options{}
		if withFile {
			opts.Vocabulary = func() (*Vocabulary, error) { return ReadVocabulary(bikes) }
		}
		ix, err := OpenMemory(opts)
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		if _, err := ix.Ingest(context.Background(), docs); err != nil {
			t.Fatal(err)
		}
		for _, tt := range tests {
			res, err := ix.Search(context.Background(), Query{Text: tt.query})
			if err != nil {
				t.Fatal(err)
			}
			found := len(res.Passages) > 0 && res.Passages[0].DocID == tt.want
			if found != withFile {
				t.Errorf("with the file %v: %q found %+v first", withFile, tt.query, res.Passages)
			}
		}
	}
}
