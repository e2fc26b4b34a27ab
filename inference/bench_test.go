package inference_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/internal/fixture"
)

// BenchmarkReadConversation is what reading the conversation adds to a
// message: the events from the log, decrypted, the placeholder mapping
// synced and the turns built, for conversations of a few lengths. p50_ms
// is the median over the runs.
func BenchmarkReadConversation(b *testing.B) {
	for _, turns := range []int{2, 6, 20} {
		b.Run(fmt.Sprintf("turns=%d", turns), func(b *testing.B) {
			f := fixture.New(b, false)
			conv := seedConversation(b, f.A, turns)
			// A fresh Assistant each run reads everything from the log,
			// as after a restart or on another replica.
			lat := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for range b.N {
				a, _ := inference.New(f.Parts, inference.Options{})
				start := time.Now()
				if err := a.ReadConversation(context.Background(), conv); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(start))
			}
			b.ReportMetric(p50ms(lat), "p50_ms")
		})
	}
}

// BenchmarkAsk compares a question asked alone with the same question as
// the next turn of a conversation, side by side: the difference is what
// reading the conversation and searching with its topic add.
func BenchmarkAsk(b *testing.B) {
	f := fixture.New(b, false)
	for _, tc := range []struct {
		name  string
		turns int
	}{{"alone", 0}, {"after-6-turns", 6}} {
		b.Run(tc.name, func(b *testing.B) {
			lat := make([]time.Duration, 0, b.N)
			for range b.N {
				b.StopTimer()
				conv := seedConversation(b, f.A, tc.turns)
				b.StartTimer()
				start := time.Now()
				if _, err := f.A.Ask(context.Background(), inference.Question{Text: "How long do I have to do that?", ConversationID: conv}, nil); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(start))
			}
			b.ReportMetric(p50ms(lat), "p50_ms")
		})
	}
}

// seedConversation asks turns questions of one conversation and returns
// its id ("" for none).
func seedConversation(b *testing.B, a *inference.Assistant, turns int) string {
	b.Helper()
	questions := []string{"How do I return an item? I'm jane.doe@example.com", "thanks", "and when do I get my money back?",
		"can I get the shipping cost back?", "ok", "what if the item was faulty?"}
	conv := ""
	for i := range turns {
		r, err := a.Ask(context.Background(), inference.Question{Text: questions[i%len(questions)], ConversationID: conv}, nil)
		if err != nil {
			b.Fatal(err)
		}
		conv = r.ConversationID
	}
	return conv
}

func p50ms(lat []time.Duration) float64 {
	if len(lat) == 0 {
		return 0
	}
	slices.Sort(lat)
	return float64(lat[len(lat)/2].Microseconds()) / 1000
}
