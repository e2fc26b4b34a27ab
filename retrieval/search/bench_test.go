package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// benchQueries are customer questions in the five languages, with typos
// and paraphrases, as the evaluation set has them.
var benchQueries = []string{
	"how do i send something back", "refnd still not on my card after a week", "where is my parcel",
	"forgot pasword", "can i use two discount codes on one order", "kettle stopped working after 8 months",
	"hvornår får jeg mine penge tilbage", "glemt kodeord", "min pakke er forsinket", "kan jeg betale med mobilepay",
	"退款多久到账", "忘记密码", "可以用支付宝吗", "退貨運費誰出", "客服時間", "刪除帳號",
	"macam mana nak pulangkan barang", "lupa kata laluan", "bila duit refund masuk", "kad hadiah tamat tempoh",
	"do you sell garden furniture", "今天天气怎么样",
}

// syntheticDocs makes n documents from the sample articles: each is an
// article whose sections are mixed with those of another article in the
// same language and sprinkled with made-up product names, so that the
// vocabulary and the postings grow as a real knowledge base's would.
func syntheticDocs(tb testing.TB, n int, seed uint64) []kb.Document {
	tb.Helper()
	sample, err := shopDocuments()
	if err != nil {
		tb.Fatal(err)
	}
	byLang := map[lang.Tag][]kb.Document{}
	for _, d := range sample {
		byLang[d.Lang] = append(byLang[d.Lang], d)
	}
	rng := rand.New(rand.NewPCG(seed, 7))
	sections := func(d kb.Document) []string {
		parts := strings.Split(d.Text, "\n## ")
		return parts[1:]
	}
	out := make([]kb.Document, n)
	for i := range out {
		base := sample[rng.IntN(len(sample))]
		other := byLang[base.Lang][rng.IntN(len(byLang[base.Lang]))]
		var b strings.Builder
		title, _, _ := strings.Cut(base.Text, "\n")
		fmt.Fprintf(&b, "%s %s\n\n", title, productName(rng))
		for _, s := range append(sections(base), sections(other)[:1]...) {
			heading, body, _ := strings.Cut(s, "\n")
			fmt.Fprintf(&b, "## %s\n\n%s %s\n\n", heading, strings.TrimSpace(body), productName(rng))
		}
		out[i] = kb.Document{ID: "bench/" + strconv.Itoa(i) + "/" + base.ID, Lang: base.Lang, Text: b.String()}
	}
	return out
}

// productName is a made-up model name ("Velu-482 Kettle").
func productName(rng *rand.Rand) string {
	syll := []string{"ka", "lo", "mi", "ne", "vu", "tor", "sa", "rin", "del", "qu", "bo", "xi"}
	var b strings.Builder
	for range 2 + rng.IntN(2) {
		b.WriteString(syll[rng.IntN(len(syll))])
	}
	return fmt.Sprintf("%s-%d", b.String(), rng.IntN(1000))
}

var (
	bigOnce sync.Once
	bigDir  string
	bigIx   *Index
	bigErr  error
)

// TestMain removes the search benchmark's index when the tests end.
func TestMain(m *testing.M) {
	code := m.Run()
	if bigIx != nil {
		bigIx.Close()
	}
	if bigDir != "" {
		os.RemoveAll(bigDir)
	}
	os.Exit(code)
}

// benchChunks is the size of the search benchmark's index; the
// HUSHDESK_BENCH_CHUNKS environment variable changes it.
func benchChunks() int {
	if n, err := strconv.Atoi(os.Getenv("HUSHDESK_BENCH_CHUNKS")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

// bigIndex builds, once per test binary, an on-disk index of about
// benchChunks passages.
func bigIndex(b *testing.B) *Index {
	bigOnce.Do(func() {
		bigDir, bigErr = os.MkdirTemp("", "hushdesk-bench-")
		if bigErr != nil {
			return
		}
		bigIx, bigErr = Open(filepath.Join(bigDir, DirName), Options{})
		if bigErr != nil {
			return
		}
		ctx := context.Background()
		want := benchChunks()
		for seed := uint64(1); ; seed++ {
			n, _ := bigIx.Chunks()
			if int(n) >= want {
				break
			}
			if _, bigErr = bigIx.Ingest(ctx, syntheticDocs(b, 2000, seed)); bigErr != nil {
				return
			}
		}
		settle(bigIx)
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	return bigIx
}

// settle waits until the index's background segment merging has stopped
// for a few seconds, so that it does not compete with the searches.
func settle(ix *Index) {
	segments := func() string {
		m := ix.idx.StatsMap()
		idx, _ := m["index"].(map[string]any)
		return fmt.Sprint(idx["index_bgthreads_active"], idx["num_root_filesegments"], idx["num_root_memorysegments"], idx["TotFileMergeZapEnd"])
	}
	last, same := segments(), 0
	for same < 6 || strings.HasPrefix(last, "true") {
		time.Sleep(500 * time.Millisecond)
		if s := segments(); s == last {
			same++
		} else {
			last, same = s, 0
		}
	}
}

// BenchmarkSearch measures one search at a time against an index of
// 100,000 passages on disk, and reports the median and 99th percentile:
//
//	go test ./retrieval -run '^$' -bench BenchmarkSearch -benchtime 2000x
func BenchmarkSearch(b *testing.B) {
	ix := bigIndex(b)
	n, _ := ix.Chunks()
	ctx := context.Background()
	for _, q := range benchQueries { // warm the caches
		if _, err := ix.Search(ctx, Query{Text: q}); err != nil {
			b.Fatal(err)
		}
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	lat := make([]time.Duration, 0, b.N)
	cpu := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0, c0 := time.Now(), threadCPU()
		if _, err := ix.Search(ctx, Query{Text: benchQueries[i%len(benchQueries)]}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
		cpu = append(cpu, threadCPU()-c0)
	}
	b.StopTimer()
	ms := func(ds []time.Duration, p float64) float64 {
		slices.Sort(ds)
		return float64(ds[int(float64(len(ds)-1)*p)].Microseconds()) / 1000
	}
	b.ReportMetric(float64(n), "passages")
	b.ReportMetric(ms(lat, 0.50), "p50_ms")
	b.ReportMetric(ms(lat, 0.99), "p99_ms")
	// The same, counting only the CPU time of the searching thread:
	// what the search costs when it has a core to itself.
	b.ReportMetric(ms(cpu, 0.50), "p50_cpu_ms")
	b.ReportMetric(ms(cpu, 0.99), "p99_cpu_ms")
}

// BenchmarkIngest measures ingestion without embeddings into an index on
// disk, in passages a second:
//
//	go test ./retrieval -run '^$' -bench BenchmarkIngest -benchtime 5x
func BenchmarkIngest(b *testing.B) {
	docs := syntheticDocs(b, 2000, 99)
	ctx := context.Background()
	chunks := 0
	var spent time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		ix, err := Open(filepath.Join(b.TempDir(), DirName), Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		t0 := time.Now()
		rep, err := ix.Ingest(ctx, docs)
		spent += time.Since(t0)
		if err != nil {
			b.Fatal(err)
		}
		chunks += rep.Chunks
		b.StopTimer()
		ix.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(chunks)/spent.Seconds(), "passages/s")
}
