package redact

import "testing"

// BenchmarkTagger runs the name taggers alone (Latin-script and Chinese)
// over the scans of the support corpus, after the rules they read, and
// reports their throughput: the rules' time is left out of the clock.
func BenchmarkTagger(b *testing.B) {
	msgs, size := loadCorpus(b)
	if latinModel() == nil || zhModel() == nil {
		b.Fatal("no model")
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, m := range msgs {
			s, _ := scanText(m)
			b.StopTimer()
			detectRules(s)
			b.StartTimer()
			tagZh(s)
			tagLatin(s)
			s.release()
		}
	}
}
