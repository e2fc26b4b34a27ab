package redact

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"flag"
	"io/fs"
	"os"
	"testing"

	"github.com/hushdesk/hushdesk/redact/internal/nergen"
	"github.com/hushdesk/hushdesk/redact/ner"
)

var updateTagger = flag.Bool("update-tagger", false, "train the name tagger and write its weights to tagger/")

// The training run: its seed, the number of messages and passes.
const (
	tagSeed     = 20251207
	tagMessages = 60000
	tagEpochs   = 8
	latinBits   = 18
	zhBits      = 15
)

// trainingMessages generates the tagger's training messages and the hash
// that identifies them.
func trainingMessages(tb testing.TB) ([]nergen.Message, [sha256.Size]byte) {
	tb.Helper()
	sub, err := fs.Sub(names, "names")
	if err != nil {
		tb.Fatal(err)
	}
	msgs := nergen.Generate(tagSeed, tagMessages, sub)
	h := sha256.New()
	var n [8]byte
	for _, m := range msgs {
		h.Write([]byte(m.Lang))
		binary.LittleEndian.PutUint64(n[:], uint64(len(m.Text)))
		h.Write(n[:])
		h.Write([]byte(m.Text))
		for _, sp := range m.Names {
			binary.LittleEndian.PutUint64(n[:], uint64(sp.Start)<<32|uint64(sp.End))
			h.Write(n[:])
		}
	}
	var sum [sha256.Size]byte
	copy(sum[:], h.Sum(nil))
	return msgs, sum
}

// latinSequences turns the Latin-script messages into the tagger's
// training sequences, with the features the redactor computes at run
// time.
func latinSequences(msgs []nergen.Message) []ner.Sequence {
	var out []ner.Sequence
	for i, m := range msgs {
		if m.Lang == "zh" {
			continue
		}
		s, n := scanText(m.Text)
		if n.orig != nil || len(s.words) == 0 {
			s.release()
			continue // the normal form moved the offsets: rare, skipped
		}
		s.tagDrop = uint64(i + 1)
		detectRules(s)
		s.markRules()
		s.setCase()
		seq := ner.Sequence{Feats: make([][]uint32, len(s.words)), Allowed: make([]bool, len(s.words)), Gold: make([]ner.Label, len(s.words))}
		for k, w := range s.words {
			for _, sp := range m.Names {
				if w.start >= sp.Start && w.end <= sp.End {
					seq.Gold[k] = ner.Inside
					if w.start == sp.Start {
						seq.Gold[k] = ner.Begin
					}
				}
			}
			if seq.Allowed[k] = s.tagCandidate(k); seq.Allowed[k] {
				seq.Feats[k] = s.tagFeatures(k, s.ruleMark[k], nil)
			} else {
				seq.Gold[k] = ner.Outside
			}
		}
		// A name cut by a word the tagger cannot label starts afresh.
		for k := range seq.Gold {
			if seq.Gold[k] == ner.Inside && (k == 0 || seq.Gold[k-1] == ner.Outside) {
				seq.Gold[k] = ner.Begin
			}
		}
		s.release()
		out = append(out, seq)
	}
	return out
}

// zhSequences turns the Chinese messages into training sequences, one a
// CJK word.
func zhSequences(msgs []nergen.Message) []ner.Sequence {
	var out []ner.Sequence
	var z zhChars
	var mask []bool
	for _, m := range msgs {
		if m.Lang != "zh" {
			continue
		}
		s, n := scanText(m.Text)
		if n.orig != nil {
			s.release()
			continue
		}
		detectRules(s)
		s.markZhRules()
		for k, w := range s.words {
			if w.kind != wCJK {
				continue
			}
			z.fill(s.text, w)
			mask = zhNotNameMask(&z, mask)
			edge := s.zhEdge(k)
			seq := ner.Sequence{Feats: make([][]uint32, len(z.runes)), Allowed: make([]bool, len(z.runes)),
				Gold: make([]ner.Label, len(z.runes)), Starts: make([]bool, len(z.runes))}
			for i := range z.runes {
				seq.Allowed[i] = true
				seq.Starts[i] = zhCanStart(&z, i)
				seq.Feats[i] = zhFeatures(&z, i, s.zhRuleMark(z.starts[i]), mask[i], edge, nil)
				for _, sp := range m.Names {
					if z.starts[i] >= sp.Start && z.starts[i+1] <= sp.End {
						seq.Gold[i] = ner.Inside
						if z.starts[i] == sp.Start {
							seq.Gold[i] = ner.Begin
						}
					}
				}
			}
			// A name that cannot begin where it does (a given name
			// alone) is not learnt.
			for i := 0; i < len(seq.Gold); i++ {
				if seq.Gold[i] == ner.Begin && !seq.Starts[i] {
					for seq.Gold[i] = ner.Outside; i+1 < len(seq.Gold) && seq.Gold[i+1] == ner.Inside; i++ {
						seq.Gold[i+1] = ner.Outside
					}
				}
			}
			out = append(out, seq)
		}
		s.release()
	}
	return out
}

// trainModels trains the Latin-script and the Chinese tagger.
func trainModels(tb testing.TB) (latin, zh []byte) {
	msgs, sum := trainingMessages(tb)
	encode := func(seqs []ner.Sequence, bits uint) []byte {
		m, err := ner.Train(seqs, ner.TrainOptions{Bits: bits, Epochs: tagEpochs, Seed: tagSeed, DataHash: sum})
		if err != nil {
			tb.Fatal(err)
		}
		data, err := m.MarshalBinary()
		if err != nil {
			tb.Fatal(err)
		}
		return data
	}
	return encode(latinSequences(msgs), latinBits), encode(zhSequences(msgs), zhBits)
}

// TestTaggerWeights checks that the embedded weights were trained on the
// messages the generator makes now (and, outside -short and the race
// detector, that training gives them byte for byte). With -update-tagger
// it trains and writes them.
func TestTaggerWeights(t *testing.T) {
	if *updateTagger {
		latin, zh := trainModels(t)
		if err := os.WriteFile("tagger/latin.model", latin, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("tagger/zh.model", zh, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	_, sum := trainingMessages(t)
	for name, m := range map[string]*ner.Model{"Latin-script": latinModel(), "Chinese": zhModel()} {
		if m == nil {
			t.Fatalf("the embedded %s model does not load: run go generate ./redact", name)
		}
		if m.DataHash != sum {
			t.Fatalf("the embedded %s model was trained on other messages than the generator makes now: run go generate ./redact", name)
		}
	}
	if testing.Short() || raceEnabled {
		return
	}
	latin, zh := trainModels(t)
	if !bytes.Equal(latin, latinModelData) || !bytes.Equal(zh, zhModelData) {
		t.Fatal("training gives other weights than the embedded ones: run go generate ./redact")
	}
}
