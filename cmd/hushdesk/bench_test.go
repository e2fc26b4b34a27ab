package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/ollama"
)

// benchQuestions is a mix of what customers ask, in the four languages,
// some with personal data to redact and one asking for a person.
var benchQuestions = []string{
	"How do I return an item?",
	"When will I get my money back? My email is jane.doe@example.com",
	"Can I pay with PayPal?",
	"Hvordan returnerer jeg en vare?",
	"Hvor lang tid tager levering til Danmark? Ring på +45 20 12 34 56",
	"怎么退货？",
	"退款多久到账",
	"請問保固多久？",
	"Bagaimana saya boleh memulangkan barang?",
	"Berapa lama jaminan produk elektronik?",
	"I forgot my password",
	"I want to talk to a human",
}

// percentile returns the p-th percentile of sorted durations.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted)-1) * p)
	return sorted[i]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

// drive runs n calls of do across clients goroutines and returns the
// latencies, sorted, and the wall time.
func drive(b *testing.B, n, clients int, do func(i int) error) ([]time.Duration, time.Duration) {
	lat := make([]time.Duration, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				t0 := time.Now()
				if err := do(i); err != nil {
					b.Error(err)
					return
				}
				lat[i] = time.Since(t0)
			}
		}()
	}
	wg.Wait()
	wall := time.Since(start)
	slices.Sort(lat)
	return lat, wall
}

// BenchmarkAskPipeline measures the whole request path (HTTP, redaction,
// retrieval, decision, a zero-latency model over Ollama's streaming
// protocol, the audit append with its fsync, the JSON reply) with 16
// concurrent clients, and the same model called directly, so the figure
// that matters is what Hushdesk adds:
//
//	go test ./cmd/hushdesk -run '^$' -bench AskPipeline -benchtime 10000x
//
// shop: the sample shop's help centre, clean questions with personal
// data; insurer-typos: the insurer's help centre (90 articles in five
// languages) and its customers' own questions, typos and all
// (testdata/retrieval/insurer/queries_dev.jsonl).
func BenchmarkAskPipeline(b *testing.B) {
	insurer, err := benchQueries("../../testdata/retrieval/insurer/queries_dev.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name, sample string
		questions    []string
	}{{"shop", "shop", benchQuestions}, {"insurer-typos", "insurer", insurer}} {
		b.Run(bc.name, func(b *testing.B) { benchAskPipeline(b, bc.sample, bc.questions) })
	}
}

// benchQueries reads the questions of a BEIR queries file.
func benchQueries(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var q struct{ Text string }
		if err := json.Unmarshal([]byte(line), &q); err != nil {
			return nil, err
		}
		out = append(out, q.Text)
	}
	return out, nil
}

func benchAskPipeline(b *testing.B, sample string, questions []string) {
	const clients = 16
	ts := startServer(b, func(c *Config) { c.LogLevel = slog.LevelInfo; c.Sample, c.Company = sample, "" })
	ts.Main.Log.Info("benchmark starting")
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients * 2, Proxy: nil}}
	bodies := make([][]byte, len(questions))
	for i, q := range questions {
		bodies[i], _ = json.Marshal(map[string]string{"question": q})
	}
	ask := func(i int) error {
		resp, err := client.Post(ts.URL+"/api/v1/ask", "application/json", strings.NewReader(string(bodies[i%len(bodies)])))
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if _, err := io.Copy(io.Discard, resp.Body); err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("status %d", resp.StatusCode)
		}
		return nil
	}
	// Warm up both paths.
	drive(b, 200, clients, ask)

	model, err := ollama.NewChat(ollama.ChatOptions{Host: ts.Ollama.URL, Model: "test-model:1b"})
	if err != nil {
		b.Fatal(err)
	}
	prompt := inference.Prompt{System: "You are a support assistant.", User: strings.Repeat("Sources: ... ", 80)}
	direct := func(int) error {
		_, err := model.Generate(context.Background(), prompt, func(string) error { return nil })
		return err
	}
	drive(b, 200, clients, direct)

	// Rounds alternate the two paths, so drift on a shared machine hits
	// both alike; the figures are medians over the rounds.
	const rounds = 5
	per := max(b.N/rounds, 1)
	var qps, p50, p99, mp99, added []float64
	b.ResetTimer()
	for range rounds {
		lat, wall := drive(b, per, clients, ask)
		b.StopTimer()
		mlat, _ := drive(b, per, clients, direct)
		b.StartTimer()
		qps = append(qps, float64(per)/wall.Seconds())
		p50 = append(p50, ms(percentile(lat, 0.50)))
		p99 = append(p99, ms(percentile(lat, 0.99)))
		mp99 = append(mp99, ms(percentile(mlat, 0.99)))
		added = append(added, ms(percentile(lat, 0.99)-percentile(mlat, 0.99)))
	}
	b.StopTimer()
	b.ReportMetric(median(qps), "questions/s")
	b.ReportMetric(median(p50), "p50_ms")
	b.ReportMetric(median(p99), "p99_ms")
	b.ReportMetric(median(mp99), "model_p99_ms")
	b.ReportMetric(median(added), "added_p99_ms")
}

// BenchmarkAskEach asks each of the shop's benchmark questions on its
// own, one client, one at a time, and reports the cheapest and the
// dearest question's median: how far apart what questions cost is, which
// with many clients on few cores sets the tail of the latency.
//
//	go test ./cmd/hushdesk -run '^$' -bench AskEach -benchtime 40x
func BenchmarkAskEach(b *testing.B) {
	ts := startServer(b, func(c *Config) { c.LogLevel = slog.LevelInfo })
	client := &http.Client{}
	var medians []float64
	for _, q := range benchQuestions {
		body, _ := json.Marshal(map[string]string{"question": q})
		lat, _ := drive(b, max(b.N, 5), 1, func(int) error {
			resp, err := client.Post(ts.URL+"/api/v1/ask", "application/json", strings.NewReader(string(body)))
			if err != nil {
				return err
			}
			defer resp.Body.Close()
			_, err = io.Copy(io.Discard, resp.Body)
			return err
		})
		medians = append(medians, ms(percentile(lat, 0.5)))
	}
	slices.Sort(medians)
	b.ReportMetric(medians[0], "cheapest_p50_ms")
	b.ReportMetric(medians[len(medians)-1], "dearest_p50_ms")
}
