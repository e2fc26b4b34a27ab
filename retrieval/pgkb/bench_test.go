package pgkb_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/retrieval/kb"
	"github.com/hushdesk/hushdesk/retrieval/pgdb/pgdbtest"
	"github.com/hushdesk/hushdesk/retrieval/pgkb"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

// benchQueries are customer questions in the sample's languages.
var benchQueries = []string{
	"how do i send something back", "refnd still not on my card after a week", "where is my parcel",
	"forgot pasword", "can i use two discount codes on one order", "kettle stopped working after 8 months",
	"hvornår får jeg mine penge tilbage", "glemt kodeord", "min pakke er forsinket",
	"退款多久到账", "忘记密码", "退貨運費誰出", "macam mana nak pulangkan barang", "lupa kata laluan",
}

// benchPassages is the size of the search benchmark's knowledge base;
// HUSHDESK_BENCH_CHUNKS changes it.
func benchPassages() int {
	if n, err := strconv.Atoi(os.Getenv("HUSHDESK_BENCH_CHUNKS")); err == nil && n > 0 {
		return n
	}
	return 20_000
}

// syntheticDocs makes documents from the sample's articles, each with a
// made-up product name in every section, n at a time.
func syntheticDocs(tb testing.TB, n int, seed uint64) []kb.Document {
	sample := shop(tb)
	rng := rand.New(rand.NewPCG(seed, 7))
	syll := []string{"ka", "lo", "mi", "ne", "vu", "tor", "sa", "rin", "del", "qu", "bo", "xi"}
	name := func() string {
		var b strings.Builder
		for range 2 + rng.IntN(2) {
			b.WriteString(syll[rng.IntN(len(syll))])
		}
		return fmt.Sprintf("%s-%d", b.String(), rng.IntN(1000))
	}
	out := make([]kb.Document, n)
	for i := range out {
		base := sample[rng.IntN(len(sample))]
		var b strings.Builder
		for _, part := range strings.Split(base.Text, "\n## ") {
			fmt.Fprintf(&b, "%s %s\n\n## ", strings.TrimSpace(part), name())
		}
		out[i] = kb.Document{ID: fmt.Sprintf("bench/%d/%d/%s", seed, i, base.ID), Lang: base.Lang, Text: strings.TrimSuffix(b.String(), "\n\n## ")}
	}
	return out
}

// fill ingests synthetic documents into ix until it holds want passages.
func fill(b *testing.B, ix *search.Index, want int) {
	ctx := context.Background()
	for seed := uint64(1); ; seed++ {
		if n, _ := ix.Chunks(); int(n) >= want {
			return
		}
		if _, err := ix.Ingest(ctx, syntheticDocs(b, 500, seed)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearchFedFromPostgres compares searches on an index fed from
// PostgreSQL (a replica that read the knowledge base from the store) with
// searches on an embedded index of the same documents, one search at a
// time, alternating between the two so that the machine's load falls on
// both alike. It reports both medians and 99th percentiles, their
// ratios (fed to embedded), and how long the fed replica took to read
// the knowledge base from the store:
//
//	bash -c 'source .ci/postgres; go test ./retrieval/pgkb -run "^$" -bench SearchFedFromPostgres -benchtime 200x'
func BenchmarkSearchFedFromPostgres(b *testing.B) {
	ctx := context.Background()
	db := pgdbtest.Database(b)
	want := benchPassages()
	writer, _ := openReplica(b, db, replicaOpts{})
	waitReady(b, writer)
	fill(b, writer.Index, want)
	t0 := time.Now()
	fed, _ := openReplica(b, db, replicaOpts{})
	waitReady(b, fed)
	catchUp := time.Since(t0)
	embedded, err := search.Open(filepath.Join(b.TempDir(), search.DirName), search.Options{Logger: quiet()})
	if err != nil {
		b.Fatal(err)
	}
	defer embedded.Close()
	fill(b, embedded, want)
	nf, _ := fed.Chunks()
	ne, _ := embedded.Chunks()
	if nf != ne {
		b.Fatalf("the fed index holds %d passages, the embedded one %d", nf, ne)
	}
	for _, q := range benchQueries { // warm both, and check they agree
		rf, err1 := fed.Search(ctx, search.Query{Text: q})
		re, err2 := embedded.Search(ctx, search.Query{Text: q})
		if err1 != nil || err2 != nil {
			b.Fatal(err1, err2)
		}
		if len(rf.Passages) != len(re.Passages) || (len(rf.Passages) > 0 && rf.Passages[0].ChunkID != re.Passages[0].ChunkID) {
			b.Fatalf("%q: the fed and the embedded index answer differently", q)
		}
	}
	var fedLat, embLat []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := search.Query{Text: benchQueries[i%len(benchQueries)]}
		ix, lat := fed.Index, &fedLat
		if i%2 == 1 {
			ix, lat = embedded, &embLat
		}
		t := time.Now()
		if _, err := ix.Search(ctx, q); err != nil {
			b.Fatal(err)
		}
		*lat = append(*lat, time.Since(t))
	}
	b.StopTimer()
	b.ReportMetric(float64(nf), "passages")
	b.ReportMetric(ms(fedLat, 0.5), "fed_p50_ms")
	b.ReportMetric(ms(fedLat, 0.99), "fed_p99_ms")
	b.ReportMetric(ms(embLat, 0.5), "embedded_p50_ms")
	b.ReportMetric(ms(embLat, 0.99), "embedded_p99_ms")
	b.ReportMetric(ratio(ms(fedLat, 0.5), ms(embLat, 0.5)), "p50_fed/embedded")
	b.ReportMetric(ratio(ms(fedLat, 0.99), ms(embLat, 0.99)), "p99_fed/embedded")
	b.ReportMetric(catchUp.Seconds(), "catch_up_s")
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// ms is the p-th quantile of ds in milliseconds (it sorts ds).
func ms(ds []time.Duration, p float64) float64 {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	return float64(ds[int(float64(len(ds)-1)*p)].Microseconds()) / 1000
}

// committing wraps a library and notes when each commit returned.
type committing struct {
	*pgkb.Library
	at atomic.Int64 // unix nanoseconds
}

func (c *committing) Commit(ctx context.Context, ch search.Change) (search.Cursor, error) {
	cur, err := c.Library.Commit(ctx, ch)
	c.at.Store(time.Now().UnixNano())
	return cur, err
}

// BenchmarkChangeReachesReplica measures, over b.N changes (uploads and
// removals in turn) made on replica A, the time from the change's commit
// on A until replica B holds it (applied to B's index, so searchable),
// and reports the median and the 99th percentile:
//
//	bash -c 'source .ci/postgres; go test ./retrieval/pgkb -run "^$" -bench ChangeReachesReplica -benchtime 200x'
func BenchmarkChangeReachesReplica(b *testing.B) {
	ctx := context.Background()
	db := pgdbtest.Database(b)
	// Replica A, whose commits are timed.
	lib, err := pgkb.Open(ctx, db, pgkb.Options{Logger: quiet()})
	if err != nil {
		b.Fatal(err)
	}
	timed := &committing{Library: lib}
	aIx, err := search.Open(filepath.Join(b.TempDir(), search.DirName), search.Options{Library: timed, LibraryPoll: time.Hour, Logger: quiet()})
	if err != nil {
		b.Fatal(err)
	}
	defer aIx.Close()
	bRep, _ := openReplica(b, db, replicaOpts{})
	waitReady(b, bRep)
	if _, err := aIx.Ingest(ctx, shop(b)); err != nil {
		b.Fatal(err)
	}
	eventually(b, 30*time.Second, "B to hold the sample", func() bool { return len(bRep.Documents()) == len(aIx.Documents()) })
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		id := fmt.Sprintf("bench/change-%d.md", i/2)
		if i%2 == 0 {
			doc := kb.Document{ID: id, Lang: lang.English, Text: fmt.Sprintf("# Model %d\n\nThe model %d kettle boils quickly.", i, i)}
			if _, err := aIx.Ingest(ctx, []kb.Document{doc}); err != nil {
				b.Fatal(err)
			}
		} else if _, err := aIx.Remove(ctx, id); err != nil {
			b.Fatal(err)
		}
		want := i%2 == 0
		for holds(bRep, id) != want {
			time.Sleep(200 * time.Microsecond)
		}
		lat = append(lat, time.Since(time.Unix(0, timed.at.Load())))
	}
	b.StopTimer()
	b.ReportMetric(ms(lat, 0.5), "p50_ms")
	b.ReportMetric(ms(lat, 0.99), "p99_ms")
	b.ReportMetric(ms(lat, 1), "max_ms")
}
