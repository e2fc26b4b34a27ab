package audit

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// BenchmarkAppend64 measures durable appends (each fsynced before Append
// returns) with 64 concurrent writers through the group-commit appender,
// with the default options: a signed checkpoint every 1000 events.
func BenchmarkAppend64(b *testing.B) {
	benchAppend(b, Options{}, func(w, i int) string { return "k_bench" })
}

// BenchmarkAppend64NoCheckpoints is the same without checkpoints, to show
// what signing them costs.
func BenchmarkAppend64NoCheckpoints(b *testing.B) {
	benchAppend(b, Options{CheckpointEvery: -1, CheckpointInterval: -1}, func(w, i int) string { return "k_bench" })
}

// BenchmarkAppend64NewConversations starts a new conversation, hence a new
// content key that must reach the key file first, every 8 events of each
// writer.
func BenchmarkAppend64NewConversations(b *testing.B) {
	benchAppend(b, Options{}, func(w, i int) string { return fmt.Sprintf("k_%d_%d", w, i/8) })
}

func benchAppend(b *testing.B, opts Options, conv func(w, i int) string) {
	opts.RetentionInterval, opts.Logger = -1, slog.New(slog.DiscardHandler)
	s := openWith(b, b.TempDir(), opts)
	ctx := context.Background()
	content := &Content{Question: "where is my parcel <PHONE_1>", Answer: "Your parcel ships in 2 days [1]."}
	var n atomic.Int64
	b.ResetTimer()
	start, cpu := time.Now(), cpuTime()
	var wg sync.WaitGroup
	for w := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; n.Add(1) <= int64(b.N); i++ {
				if _, err := s.Append(ctx, decision(conv(w, i), 1), content); err != nil {
					b.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "events/s")
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/event")
}

// BenchmarkBoltBatch64 is the baseline: the same events through bbolt's
// own DB.Batch with 64 writers.
func BenchmarkBoltBatch64(b *testing.B) {
	db, err := bolt.Open(b.TempDir()+"/b.db", 0o600, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket(bucketEvents); return err })
	val := make([]byte, 400)
	var n atomic.Int64
	b.ResetTimer()
	start := time.Now()
	var wg sync.WaitGroup
	for range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := n.Add(1)
				if i > int64(b.N) {
					return
				}
				db.Batch(func(tx *bolt.Tx) error { return tx.Bucket(bucketEvents).Put(seqKey(uint64(i)), val) })
			}
		}()
	}
	wg.Wait()
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "events/s")
}

// BenchmarkVerify measures how fast the chain is checked.
func BenchmarkVerify(b *testing.B) {
	s := openWith(b, b.TempDir(), Options{Logger: slog.New(slog.DiscardHandler)})
	ctx := context.Background()
	const events = 50000
	var wg sync.WaitGroup
	for w := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range events / 50 {
				s.Append(ctx, decision("k_v", w*1000+i), &Content{Question: "q", Answer: "a fairly ordinary answer of some length [1]"})
			}
		}()
	}
	wg.Wait()
	b.ResetTimer()
	start, cpu := time.Now(), cpuTime()
	for range b.N {
		res, err := s.Verify(ctx)
		if err != nil || !res.OK {
			b.Fatalf("%+v %v", res, err)
		}
	}
	b.ReportMetric(float64(events*b.N)/time.Since(start).Seconds(), "events/s")
	b.ReportMetric(float64(cpuTime()-cpu)/float64(events*b.N), "cpu-ns/event")
}

// BenchmarkEraseSubject measures one erasure in a store holding 20,000
// content keys: the key file is rewritten whole each time.
func BenchmarkEraseSubject(b *testing.B) {
	s := openWith(b, b.TempDir(), Options{RetentionInterval: -1})
	ctx := context.Background()
	const keys = 20000
	var wg sync.WaitGroup
	for w := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range keys / 50 {
				env := Envelope{Type: TypeDecision, Subject: fmt.Sprintf("s_%d_%d", w, i), Conversation: "k_c"}
				if _, err := s.Append(ctx, env, &Content{Question: "q"}); err != nil {
					b.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	b.ResetTimer()
	for i := range b.N {
		if _, err := s.EraseSubject(ctx, fmt.Sprintf("s_%d_%d", i%50, i/50), "bench"); err != nil {
			b.Fatal(err)
		}
	}
}
