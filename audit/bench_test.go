package audit

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// BenchmarkAppend64 measures durable appends (each fsynced before Append
// returns) with 64 concurrent writers through the group-commit appender.
func BenchmarkAppend64(b *testing.B) {
	s := openTestStore(b, b.TempDir())
	ctx := context.Background()
	env := decision("k_bench", 1)
	content := &Content{Question: "where is my parcel <PHONE_1>", Answer: "Your parcel ships in 2 days [1]."}
	var n atomic.Int64
	b.ResetTimer()
	start := time.Now()
	var wg sync.WaitGroup
	for range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n.Add(1) <= int64(b.N) {
				if _, err := s.Append(ctx, env, content); err != nil {
					b.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "events/s")
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
	s := openTestStore(b, b.TempDir())
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
	start := time.Now()
	for range b.N {
		res, err := s.Verify(ctx)
		if err != nil || !res.OK {
			b.Fatalf("%+v %v", res, err)
		}
	}
	b.ReportMetric(float64(events*b.N)/time.Since(start).Seconds(), "events/s")
}
