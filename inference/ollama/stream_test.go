package ollama

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/ollama/ollama/api"

	"github.com/hushdesk/hushdesk/inference/ollamatest"
)

func TestChatStreamLines(t *testing.T) {
	long := strings.Repeat("x", 3*readerSize) // longer than the pooled reader
	for _, tc := range []struct {
		name, body string
		status     int
		want       string
		err        string
	}{
		{name: "tokens", body: `{"message":{"content":"Hel"}}` + "\n" + `{"message":{"content":"lo"},"done":true}` + "\n", want: "Hello"},
		{name: "no final newline", body: `{"message":{"content":"Hi"},"done":true}`, want: "Hi"},
		{name: "blank lines", body: "\n\n" + `{"message":{"content":"Hi"}}` + "\n\n", want: "Hi"},
		{name: "a long line", body: `{"message":{"content":"` + long + `"}}` + "\n", want: long},
		{name: "an error mid-stream", body: `{"message":{"content":"Hi"}}` + "\n" + `{"error":"model crashed"}` + "\n", want: "Hi", err: "model crashed"},
		{name: "not json", body: "<html>proxy error</html>\n", err: "not JSON"},
		{name: "refused", status: 404, body: `{"error":"model 'x' not found"}`, err: "not found"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if tc.status != 0 {
					w.WriteHeader(tc.status)
				}
				w.Write([]byte(tc.body))
			}))
			defer srv.Close()
			u, _ := url.Parse(srv.URL)
			var got strings.Builder
			err := chatStream(context.Background(), srv.Client(), u, &api.ChatRequest{Model: "m"}, func(r api.ChatResponse) error {
				got.WriteString(r.Message.Content)
				return nil
			})
			if got.String() != tc.want || (tc.err == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), tc.err) {
				t.Fatalf("got %.40q, %v; want %.40q, %q", got.String(), err, tc.want, tc.err)
			}
			var se api.StatusError
			if tc.status == 404 && (!errors.As(err, &se) || se.StatusCode != 404) {
				t.Fatalf("a refusal is %T %v, want an api.StatusError", err, err)
			}
		})
	}
}

// BenchmarkChatStream reads the same streamed answer with the official
// client's Chat and with chatStream, side by side: B/op is the figure
// (the official client allocates an 8 MB buffer for each answer).
func BenchmarkChatStream(b *testing.B) {
	fake := ollamatest.NewServer("m:1b")
	defer fake.Close()
	fake.SetReply(func(_, _ string) string { return strings.Repeat("Returns are free within 30 days [1]. ", 20) })
	u, _ := url.Parse(fake.URL)
	client := newHTTPClient(4)
	req := &api.ChatRequest{Model: "m:1b", Messages: []api.Message{{Role: "user", Content: "How do I return an item?"}}}
	count := func(r api.ChatResponse) error { return nil }
	b.Run("official", func(b *testing.B) {
		c := api.NewClient(u, client)
		b.ReportAllocs()
		for range b.N {
			if err := c.Chat(context.Background(), req, count); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("pooled", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			if err := chatStream(context.Background(), client, u, req, count); err != nil {
				b.Fatal(err)
			}
		}
	})
}
