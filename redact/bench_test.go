package redact

import (
	"os"
	"strings"
	"testing"
)

// loadCorpus reads the multilingual support-text corpus, one message a
// line, made by internal/gen.
func loadCorpus(tb testing.TB) ([]string, int) {
	tb.Helper()
	data, err := os.ReadFile("../testdata/redact/support_corpus.txt")
	if err != nil {
		tb.Fatalf("read corpus: %v", err)
	}
	msgs := strings.Split(strings.TrimSpace(string(data)), "\n")
	return msgs, len(data)
}

// BenchmarkRedactMixed redacts every message of the corpus (English,
// Danish, Malay and Chinese support questions, a third of them with
// personal data), each as a conversation of its own, and reports the
// throughput of one goroutine.
func BenchmarkRedactMixed(b *testing.B) {
	msgs, size := loadCorpus(b)
	r := New(Options{})
	b.SetBytes(int64(size))
	b.ReportAllocs()
	cpu0 := processCPU()
	for b.Loop() {
		for _, m := range msgs {
			r.Redact(m, nil)
		}
	}
	// Wall-clock MB/s suffers when other processes share the machine;
	// MB per CPU second does not.
	if cpu := processCPU() - cpu0; cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/cpu.Seconds()/1e6, "MB/cpu-s")
	}
}

// BenchmarkFindMixed runs the detectors alone over the same corpus,
// without the placeholders and without Redact's second reading of its
// output.
func BenchmarkFindMixed(b *testing.B) {
	msgs, size := loadCorpus(b)
	r := New(Options{})
	b.SetBytes(int64(size))
	b.ReportAllocs()
	cpu0 := processCPU()
	for b.Loop() {
		for _, m := range msgs {
			r.Find(m)
		}
	}
	if cpu := processCPU() - cpu0; cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/cpu.Seconds()/1e6, "MB/cpu-s")
	}
}

// BenchmarkRedactManyNames redacts one long text with a thousand names, a
// thousand Chinese names and addresses: the time must grow with the
// length of the text, not with the square of its findings.
func BenchmarkRedactManyNames(b *testing.B) {
	text := strings.Repeat("Anna Jensen, ", 1000) + strings.Repeat("王小明先生 ", 1000) + strings.Repeat("路1号大厦2号", 300)
	r := New(Options{})
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		r.Redact(text, nil)
	}
}
