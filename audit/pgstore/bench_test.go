//go:build unix

package pgstore_test

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/pgstore"
)

// The figures of docs and README, side by side on one machine:
//
//	HUSHDESK_TEST_POSTGRES=... go test ./audit/pgstore -run '^$' -bench . -benchtime 20000x -count 3

type appender interface {
	Append(ctx context.Context, env audit.Envelope, content *audit.Content) (uint64, error)
}

// benchAppends has 64 writers share b.N durable appends over the stores
// given, round robin, and reports appends per second.
func benchAppends(b *testing.B, stores []appender, conv func(w, i int) string) {
	const writers = 64
	ctx := context.Background()
	var next atomic.Int64
	var wg sync.WaitGroup
	b.ResetTimer()
	start := time.Now()
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := stores[w%len(stores)]
			for i := 0; next.Add(1) <= int64(b.N); i++ {
				if _, err := s.Append(ctx, audit.Envelope{Type: audit.TypeDecision, Conversation: conv(w, i), Decision: "answer"},
					&audit.Content{Question: "Where is my parcel?", Answer: "It left the warehouse this morning."}); err != nil {
					b.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	b.StopTimer()
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "appends/s")
}

// BenchmarkDurableAppends64 has 64 writers append to the embedded store,
// to one PostgreSQL replica and to three sharing one database; each
// append is durable (fsync, or a commit with synchronous_commit on)
// before it returns. "one-conversation" seals everything under one key,
// as the embedded store's BenchmarkAppend64 does; "new-key-every-8"
// starts a conversation, hence a content key, every 8 events of a writer.
func BenchmarkDurableAppends64(b *testing.B) {
	loads := []struct {
		name string
		conv func(w, i int) string
	}{
		{"one-conversation", func(int, int) string { return "k_bench" }},
		{"new-key-every-8", func(w, i int) string { return fmt.Sprintf("k_w%d_c%d", w, i/8) }},
	}
	quiet := slog.New(slog.DiscardHandler)
	for _, l := range loads {
		b.Run("embedded/"+l.name, func(b *testing.B) {
			s, err := audit.Open(b.TempDir(), audit.Options{MasterKey: testMasterKey, RetentionInterval: -1, Logger: quiet})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			benchAppends(b, []appender{s}, l.conv)
		})
		for _, n := range []int{1, 3} {
			b.Run(fmt.Sprintf("postgres-%d/%s", n, l.name), func(b *testing.B) {
				db := testDatabase(b)
				var stores []appender
				for range n {
					stores = append(stores, openReplica(b, db, func(o *pgstore.Options) { o.Logger = quiet }))
				}
				benchAppends(b, stores, l.conv)
			})
		}
	}
}

// BenchmarkVerifyPostgres verifies a log of 50,000 events kept in
// PostgreSQL and reports events verified per second.
func BenchmarkVerifyPostgres(b *testing.B) {
	db := testDatabase(b)
	s := openReplica(b, db, func(o *pgstore.Options) { o.MaxConns = 32 })
	const events = 50000
	var wg sync.WaitGroup
	for w := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range events / 64 {
				mustAppend(b, s, decision(fmt.Sprintf("k_w%d_c%d", w, i/8), ""), &audit.Content{Question: "q", Answer: "a"})
			}
		}()
	}
	wg.Wait()
	ctx := context.Background()
	b.ResetTimer()
	start := time.Now()
	var n uint64
	for range b.N {
		res, err := s.Verify(ctx)
		if err != nil || !res.OK {
			b.Fatalf("verify: %+v %v", res, err)
		}
		n += res.Events
	}
	b.ReportMetric(float64(n)/time.Since(start).Seconds(), "events/s")
}

// BenchmarkKillNineReplica kills one of two replicas under load and
// reports the acknowledged decisions lost (must be 0) and how long after
// the kill the survivor's next append returned.
func BenchmarkKillNineReplica(b *testing.B) {
	for range b.N {
		db := testDatabase(b)
		res := killNineReplica(b, db, 2*time.Second)
		b.ReportMetric(float64(res.Lost), "lost")
		b.ReportMetric(float64(res.Acknowledged), "acknowledged")
		b.ReportMetric(float64(res.Recovery.Microseconds())/1000, "recovery-ms")
		b.ReportMetric(float64(res.SurvivorMax.Microseconds())/1000, "slowest-append-ms")
	}
}
