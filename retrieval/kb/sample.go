package kb

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/hushdesk/hushdesk/inference/fault"
	"gopkg.in/yaml.v3"
)

// The samples are help centres of fictional companies that ship with
// Hushdesk, so that it answers something on first start and can be
// measured: each is a folder of samples/ holding sample.yaml (the
// company's name, the document id prefix and the published contacts),
// articles/<lang>/*.md and, optionally, vocabulary/ (the company's words,
// read by search).
//
//go:embed samples/*/sample.yaml samples/*/articles samples/*/vocabulary
var samples embed.FS

// DefaultSample is the sample loaded when none is named: the shop.
const DefaultSample = "shop"

// ErrNoSample is returned for a sample name that ships with no sample.
var ErrNoSample = fault.New(fault.Invalid, "no such sample help centre")

// HelpCentre is a sample help centre: a fictional company's articles in
// every language, with what else it takes to serve them.
type HelpCentre struct {
	// Name is the sample's name ("shop", "insurer").
	Name string `yaml:"-"`
	// Company is the company's name, shown to customers.
	Company string `yaml:"company"`
	// Prefix is put before every article's path to make its document id
	// ("sample/" makes sample/en/returns.md).
	Prefix string `yaml:"prefix"`
	// Contacts are the company's published e-mail addresses and phone
	// numbers. They appear in the articles and are not personal data.
	Contacts []string `yaml:"contacts"`
}

// SampleNames lists the samples that ship with Hushdesk, sorted.
func SampleNames() []string {
	entries, _ := fs.ReadDir(samples, "samples") // the embedded tree always has it
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	slices.Sort(out)
	return out
}

// Sample returns the sample help centre of a name (see SampleNames).
func Sample(name string) (HelpCentre, error) {
	var raw []byte
	var err error = ErrNoSample
	if fs.ValidPath(name) && name != "." && !strings.Contains(name, "/") {
		raw, err = samples.ReadFile(path.Join("samples", name, "sample.yaml"))
	}
	if err != nil {
		return HelpCentre{}, fmt.Errorf("%w: %q (there are %s)", ErrNoSample, name, strings.Join(SampleNames(), ", "))
	}
	h := HelpCentre{Name: name}
	if err := yaml.Unmarshal(raw, &h); err != nil {
		return HelpCentre{}, fmt.Errorf("sample %s: %w", name, err) // a bug of the build
	}
	return h, nil
}

// Articles returns the sample's articles, one folder per language (en,
// da, zh-Hans, zh-Hant, ms).
func (h HelpCentre) Articles() fs.FS {
	sub, err := fs.Sub(samples, path.Join("samples", h.Name, "articles"))
	if err != nil {
		panic(err) // the name was checked by Sample
	}
	return sub
}

// Documents reads the sample's articles, their ids the prefix and their
// paths (sample/en/returns.md).
func (h HelpCentre) Documents() ([]Document, error) {
	// The articles are built in and known to read quickly: no deadline
	// but ParseDocument's own.
	docs, err := LoadFS(context.Background(), h.Articles(), ".", h.Prefix)
	if err != nil {
		return nil, fmt.Errorf("read the %s sample: %w", h.Name, err)
	}
	return docs, nil
}

// Vocabulary returns the sample's vocabulary files, the company's words
// that search reads questions with (see search.ReadVocabulary), or nil
// when it has none.
func (h HelpCentre) Vocabulary() fs.FS {
	dir := path.Join("samples", h.Name, "vocabulary")
	if _, err := fs.Stat(samples, dir); err != nil {
		return nil
	}
	sub, err := fs.Sub(samples, dir)
	if err != nil {
		panic(err) // the name was checked by Sample
	}
	return sub
}
