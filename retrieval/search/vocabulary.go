package search

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/hushdesk/hushdesk/inference/fault"
	"github.com/hushdesk/hushdesk/inference/lang"
	"gopkg.in/yaml.v3"
)

// A vocabulary is the words search reads customers' questions with, as
// data: synonym groups, one-way rules for paraphrases, and places by the
// region they lie in. The engine's own file (vocabulary/support.yaml)
// holds the support domain's words, which any help centre's customers
// use; a company's files (its products, its places, its payment brands)
// ship with its sample help centre or are written by its operator. The
// format is described in docs/vocabulary.md.

//go:embed vocabulary/*.yaml
var builtinVocabulary embed.FS

// ErrVocabulary means a vocabulary file cannot be read as one.
var ErrVocabulary = fault.New(fault.Invalid, "invalid vocabulary file")

// Vocabulary is a compiled set of vocabulary files: per analysis family,
// the synonym groups and the one-way rules (places among them).
type Vocabulary struct {
	synonyms map[string][][]string
	rules    map[string][]rule
	// files names the files read, in the order they were read.
	files []string
	// version is a hash of what was read.
	version string
	// layered are the files that did not come from the engine.
	layered map[string][]byte
}

// vocabularyFile is the format of a vocabulary file. Every section is
// optional.
type vocabularyFile struct {
	// Synonyms are, by language, groups of words and phrases that
	// stand for one another.
	Synonyms map[string][][]string `yaml:"synonyms"`
	// Rules are, by language, one-way rules: a query holding one of the
	// phrases of from is also about the words of to.
	Rules map[string][]struct {
		From   []string `yaml:"from"`
		To     []string `yaml:"to"`
		Credit *float64 `yaml:"credit"`
	} `yaml:"rules"`
	// Places are regions, with the words each language's articles use
	// for them and the names of the places in them.
	Places []struct {
		Region  string              `yaml:"region"`
		Words   map[string][]string `yaml:"words"`
		Latin   []string            `yaml:"latin"`
		Chinese []string            `yaml:"chinese"`
	} `yaml:"places"`
}

// ReadVocabulary reads the engine's own vocabulary file and, over it,
// the vocabulary files (*.yaml, *.yml) at the top of each of layers, in
// order. A file replaces a file of the same name that an earlier layer
// (or the engine) holds; a file of a new name adds to them. Layers that
// are nil are skipped. The files are compiled in the order of their
// names.
func ReadVocabulary(layers ...fs.FS) (*Vocabulary, error) {
	byName := map[string][]byte{}
	layered := map[string][]byte{}
	read := func(fsys fs.FS, where string, into ...map[string][]byte) error {
		entries, err := fs.ReadDir(fsys, ".")
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read vocabulary folder %s: %w", where, err)
		}
		for _, e := range entries {
			ext := path.Ext(e.Name())
			if e.IsDir() || (ext != ".yaml" && ext != ".yml") {
				continue
			}
			raw, err := fs.ReadFile(fsys, e.Name())
			if err != nil {
				return fmt.Errorf("read vocabulary file %s: %w", e.Name(), err)
			}
			for _, m := range into {
				m[e.Name()] = raw
			}
		}
		return nil
	}
	builtin, _ := fs.Sub(builtinVocabulary, "vocabulary") // the folder is embedded
	if err := read(builtin, "(built in)", byName); err != nil {
		return nil, err
	}
	for i, l := range layers {
		if l == nil {
			continue
		}
		if err := read(l, fmt.Sprintf("#%d", i+1), byName, layered); err != nil {
			return nil, err
		}
	}
	return compileVocabulary(byName, layered)
}

// vocabularyOf compiles the engine's own vocabulary file and, over it,
// the files of a published vocabulary (Published).
func vocabularyOf(files map[string][]byte) (*Vocabulary, error) {
	byName := map[string][]byte{}
	builtin, _ := fs.Sub(builtinVocabulary, "vocabulary")
	entries, err := fs.ReadDir(builtin, ".")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if ext := path.Ext(e.Name()); e.IsDir() || (ext != ".yaml" && ext != ".yml") {
			continue
		}
		raw, err := fs.ReadFile(builtin, e.Name())
		if err != nil {
			return nil, err
		}
		byName[e.Name()] = raw
	}
	for name, raw := range files {
		if path.Base(name) != name || (path.Ext(name) != ".yaml" && path.Ext(name) != ".yml") {
			return nil, fmt.Errorf("%w %q: not a vocabulary file name", ErrVocabulary, name)
		}
		byName[name] = raw
	}
	return compileVocabulary(byName, files)
}

// compileVocabulary compiles files in the order of their names; layered
// are those that did not come from the engine.
func compileVocabulary(byName, layered map[string][]byte) (*Vocabulary, error) {
	v := &Vocabulary{synonyms: map[string][][]string{}, rules: map[string][]rule{}, layered: maps.Clone(layered)}
	h := sha256.New()
	for _, name := range slices.Sorted(maps.Keys(byName)) {
		if err := v.add(name, byName[name]); err != nil {
			return nil, err
		}
		v.files = append(v.files, name)
		h.Write([]byte(name))
		h.Write([]byte{0})
		h.Write(byName[name])
		h.Write([]byte{0})
	}
	v.version = hex.EncodeToString(h.Sum(nil))[:16]
	return v, nil
}

// Published returns the files of the vocabulary that did not come from
// the engine (a sample's, a folder's), by name: what an index with a
// Library publishes for every replica to use.
func (v *Vocabulary) Published() map[string][]byte {
	out := maps.Clone(v.layered)
	if out == nil {
		out = map[string][]byte{}
	}
	return out
}

// builtinOnly is the engine's own vocabulary, read once.
func builtinOnly() (*Vocabulary, error) { return ReadVocabulary() }

// Files names the vocabulary files read, in the order they were
// compiled.
func (v *Vocabulary) Files() []string { return append([]string(nil), v.files...) }

// Version is a hash of the vocabulary's files: an index analysed with
// another version is analysed again.
func (v *Vocabulary) Version() string { return v.version }

// add compiles one file into v.
func (v *Vocabulary) add(name string, raw []byte) error {
	var f vocabularyFile
	dec := yaml.NewDecoder(strings.NewReader(string(raw)))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) { // io.EOF: an empty file
		return fmt.Errorf("%w %s: %w", ErrVocabulary, name, err)
	}
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w %s: %s", ErrVocabulary, name, fmt.Sprintf(format, args...))
	}
	for _, key := range slices.Sorted(maps.Keys(f.Synonyms)) {
		fam, ok := familyOf(key)
		if !ok {
			return bad("synonyms: %q is not a language", key)
		}
		for i, g := range f.Synonyms[key] {
			if err := words(g); err != nil || len(g) < 2 {
				return bad("synonyms: %s, group %d: %s", key, i+1, orFewer(err, "a group needs two entries or more"))
			}
			v.synonyms[fam] = append(v.synonyms[fam], g)
		}
	}
	for _, key := range slices.Sorted(maps.Keys(f.Rules)) {
		fam, ok := familyOf(key)
		if !ok {
			return bad("rules: %q is not a language", key)
		}
		for i, r := range f.Rules[key] {
			credit := creditRule
			if r.Credit != nil {
				credit = *r.Credit
			}
			if credit <= 0 || credit > 1 {
				return bad("rules: %s, rule %d: credit %g is not above 0 and at most 1", key, i+1, credit)
			}
			if err := words(r.From); err != nil || len(r.From) == 0 {
				return bad("rules: %s, rule %d: from: %s", key, i+1, orFewer(err, "no phrase"))
			}
			if err := words(r.To); err != nil || len(r.To) == 0 {
				return bad("rules: %s, rule %d: to: %s", key, i+1, orFewer(err, "no word"))
			}
			v.rules[fam] = append(v.rules[fam], rule{from: r.From, to: r.To, credit: credit})
		}
	}
	for i, p := range f.Places {
		if len(p.Words) == 0 || len(p.Latin)+len(p.Chinese) == 0 {
			return bad("places: %d (%s): a region needs words and place names", i+1, p.Region)
		}
		for _, key := range slices.Sorted(maps.Keys(p.Words)) {
			fam, ok := familyOf(key)
			if !ok {
				return bad("places: %d (%s): %q is not a language", i+1, p.Region, key)
			}
			from := p.Latin
			if fam == "zh" {
				from = p.Chinese
			}
			if err := errors.Join(words(p.Words[key]), words(from)); err != nil {
				return bad("places: %d (%s): %v", i+1, p.Region, err)
			}
			if len(from) > 0 && len(p.Words[key]) > 0 {
				v.rules[fam] = append(v.rules[fam], rule{from: from, to: p.Words[key], credit: creditPlace, place: true})
			}
		}
	}
	return nil
}

// familyOf is the analysis family of a language as a vocabulary file
// names it (en, da, ms, zh, zh-Hans, zh-Hant and other tags lang.Parse
// reads).
func familyOf(key string) (string, bool) {
	tag, ok := lang.Parse(key)
	if !ok {
		return "", false
	}
	return analysisKey(tag), true
}

// words checks that every entry of a list has a letter or digit.
func words(entries []string) error {
	for _, e := range entries {
		if strings.IndexFunc(e, isWordRune) < 0 {
			return fmt.Errorf("entry %q has no letter or digit", e)
		}
	}
	return nil
}

// orFewer is err's message, or what is missing when err is nil.
func orFewer(err error, missing string) string {
	if err != nil {
		return err.Error()
	}
	return missing
}
