package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// heapMB is the heap in use after a collection, in MB: the server runs
// in this process, so it is the server's memory plus the benchmark's.
func heapMB() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapInuse) / 1e6
}

// cpuTime is the CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkFloods sends what the security review sent, without a login,
// and reports the memory it leaves behind:
//
//	go test ./cmd/hushdesk -run '^$' -bench Floods -benchtime 1x -count 3
//
// methods: 500 requests, each with a 100 KB method of its own (the
// review saw 100 MB more memory and a 55 MB /metrics), then 500 with 4 KB
// methods, under the header limit; long-words: eight questions at once,
// each one word of 3,990 letters, just under the longest question (the
// review saw 2-9 s of CPU each, 1 GB of memory and a 500 for words over
// 1,000 letters); many-words: the same with 133 words of 29 letters, the
// longest matched fuzzily.
func BenchmarkFloods(b *testing.B) {
	b.Run("methods", func(b *testing.B) {
		ts := startServer(b, func(c *Config) { c.LogLevel = slog.LevelInfo })
		addr := strings.TrimPrefix(ts.URL, "http://")
		before := heapMB()
		codes := map[int]int{}
		for range b.N {
			for i := range 1000 {
				size := 100_000
				if i >= 500 {
					size = 4_000
				}
				method := fmt.Sprintf("M%d%s", i, strings.Repeat("X", size))
				conn, err := net.Dial("tcp", addr)
				if err != nil {
					b.Fatal(err)
				}
				fmt.Fprintf(conn, "%s /api/v1/ask HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", method)
				resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
				if err == nil {
					codes[resp.StatusCode]++
					resp.Body.Close()
				} else {
					codes[0]++ // closed without an answer
				}
				conn.Close()
			}
		}
		after := heapMB()
		resp, err := http.Get(ts.URL + "/metrics")
		if err != nil {
			b.Fatal(err)
		}
		metrics, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		b.Logf("answers by status: %v", codes)
		b.ReportMetric(after-before, "heap_growth_MB")
		b.ReportMetric(float64(len(metrics))/1e3, "metrics_KB")
	})
	for _, bc := range []struct {
		name        string
		words, size int
	}{{"long-words", 1, 3990}, {"many-words", 133, 29}} {
		b.Run(bc.name, func(b *testing.B) { benchWordFlood(b, bc.words, bc.size) })
	}
}

// benchWordFlood sends eight questions at once, each of n random words of
// size letters, as many times as asked.
func benchWordFlood(b *testing.B, n, size int) {
	ts := startServer(b, func(c *Config) { c.LogLevel = slog.LevelInfo })
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		var sb strings.Builder
		for i := range n {
			if i > 0 {
				sb.WriteByte(' ')
			}
			for range size {
				sb.WriteByte(byte('a' + rng.IntN(26)))
			}
		}
		return sb.String()
	}
	before, cpu0, start := heapMB(), cpuTime(), time.Now()
	var peak float64
	codes := map[int]int{}
	var mu sync.Mutex
	for range b.N {
		var wg sync.WaitGroup
		for range 8 {
			body, _ := json.Marshal(map[string]string{"question": word()})
			wg.Add(1)
			go func() {
				defer wg.Done()
				resp, err := http.Post(ts.URL+"/api/v1/ask", "application/json", strings.NewReader(string(body)))
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					codes[0]++
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				codes[resp.StatusCode]++
			}()
		}
		wg.Wait()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		peak = max(peak, float64(m.HeapSys)/1e6)
	}
	cpu, wall := cpuTime()-cpu0, time.Since(start)
	after := heapMB()
	b.Logf("answers by status: %v", codes)
	if codes[http.StatusOK] != 8*b.N {
		b.Errorf("not every long-word question was answered: %v", codes)
	}
	b.ReportMetric(cpu.Seconds()/float64(8*b.N), "cpu_s/question")
	b.ReportMetric(wall.Seconds()/float64(b.N), "wall_s/8_questions")
	b.ReportMetric(after-before, "heap_growth_MB")
	b.ReportMetric(peak, "heap_sys_MB")
}
