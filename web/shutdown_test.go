package web

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestDrainDelay: once shutdown begins, /readyz answers 503 while other
// requests are still served, for the drain delay; then the server stops.
// The test ends the delay itself, so nothing depends on how fast the
// machine is.
func TestDrainDelay(t *testing.T) {
	env := newEnv(t, &fakeAsker{}, Options{DrainDelay: time.Hour})
	delays := make(chan time.Duration, 1)
	release := make(chan time.Time)
	env.srv.after = func(d time.Duration) <-chan time.Time {
		delays <- d
		return release
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	client := &http.Client{Transport: &http.Transport{}, Timeout: 30 * time.Second}
	defer client.CloseIdleConnections()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- env.srv.Serve(ctx, ln) }()

	get := func(path string) (int, string) {
		t.Helper()
		resp, err := client.Get(base + path)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp.StatusCode, string(b)
	}
	if code, body := get("/readyz"); code != http.StatusOK {
		t.Fatalf("readyz before shutdown = %d %s", code, body)
	}

	cancel() // shutdown begins
	select {
	case d := <-delays:
		if d != time.Hour {
			t.Fatalf("drain delay = %s, want the configured 1h", d)
		}
	case err := <-done:
		t.Fatalf("Serve returned without a drain delay: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("shutdown did not begin")
	}
	code, body := get("/readyz")
	var ready struct {
		Ready  bool
		Checks map[string]string
	}
	if err := json.Unmarshal([]byte(body), &ready); err != nil || code != http.StatusServiceUnavailable || ready.Ready || ready.Checks["server"] != "shutting down" {
		t.Fatalf("readyz while draining = %d %s", code, body)
	}
	// Requests are still served while the balancer notices.
	resp, err := client.Post(base+"/api/v1/ask", "application/json", strings.NewReader(`{"question":"hi"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("ask while draining = %d", resp.StatusCode)
	}
	select {
	case err := <-done:
		t.Fatalf("Serve returned during the drain delay: %v", err)
	default:
	}

	close(release) // the delay ends
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve = %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Serve did not return after the drain delay")
	}
	if _, err := client.Get(base + "/healthz"); err == nil {
		t.Fatal("the server still answers after shutting down")
	}
}

// TestNoDrainDelay: without one, shutdown waits for nothing.
func TestNoDrainDelay(t *testing.T) {
	env := newEnv(t, &fakeAsker{}, Options{})
	env.srv.after = func(d time.Duration) <-chan time.Time {
		t.Errorf("waited %s without a drain delay", d)
		return time.After(0)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := env.srv.Serve(ctx, ln); err != nil {
		t.Fatalf("Serve = %v", err)
	}
}
