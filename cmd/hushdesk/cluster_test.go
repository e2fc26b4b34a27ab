package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/inference/ollamatest"
)

// A cluster of real hushdesk processes (the binary, built by the test)
// on one PostgreSQL database behind nginx, for the end-to-end test and
// the replica benchmarks.

var (
	binaryOnce sync.Once
	binaryPath string
	binaryErr  error
)

// hushdeskBinary builds the binary once per test process.
func hushdeskBinary(t testing.TB) string {
	t.Helper()
	binaryOnce.Do(func() {
		dir, err := os.MkdirTemp("", "hushdesk-bin-")
		if err != nil {
			binaryErr = err
			return
		}
		binaryPath = filepath.Join(dir, "hushdesk")
		out, err := exec.Command("go", "build", "-o", binaryPath, ".").CombinedOutput()
		if err != nil {
			binaryErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binaryErr != nil {
		t.Fatal(binaryErr)
	}
	return binaryPath
}

// nginxBinary finds Debian's nginx; without it the test is skipped,
// except under CI, where .ci/run installs it.
func nginxBinary(t testing.TB) string {
	t.Helper()
	for _, p := range []string{"/usr/sbin/nginx", "/usr/bin/nginx"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("nginx"); err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("nginx is not installed: .ci/run installs it")
	}
	t.Skip("no nginx (apt-get install nginx)")
	return ""
}

// replica is one hushdesk serve process.
type replica struct {
	addr string
	cmd  *exec.Cmd
	log  *syncBuffer
	done chan error
}

// cluster is n replicas on one database behind one nginx.
type cluster struct {
	URL      string // nginx
	DB       string
	replicas []*replica
	dir      string
}

func freeAddr(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// startCluster starts n replicas of the binary on a fresh database with
// a zero-latency model, sharing the sample help centre the first to
// start loads, and nginx in front of them.
func startCluster(t testing.TB, n int) *cluster {
	t.Helper()
	nginx := nginxBinary(t)
	db := testDatabase(t)
	bin := hushdeskBinary(t)
	model := ollamatest.NewServer("test-model:1b")
	t.Cleanup(model.Close)
	c := &cluster{DB: db, dir: t.TempDir()}
	for i := range n {
		r := &replica{addr: freeAddr(t), log: &syncBuffer{}, done: make(chan error, 1)}
		r.cmd = exec.Command(bin, "serve", "--data", filepath.Join(c.dir, fmt.Sprintf("replica%d", i)), "--addr", r.addr,
			"--store", db, "--ollama", model.URL, "--model", "test-model:1b", "--ask-rate", "0", "--trust-proxy",
			"--log-level", "warn")
		r.cmd.Env = append(os.Environ(), "HUSHDESK_MASTER_KEY="+testMasterKey, "HUSHDESK_ADMIN_TOKEN="+adminToken)
		r.cmd.Stdout, r.cmd.Stderr = r.log, r.log
		if err := r.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		go func() { r.done <- r.cmd.Wait() }()
		t.Cleanup(func() { r.stop() })
		c.replicas = append(c.replicas, r)
	}
	for _, r := range c.replicas {
		r.waitReady(t)
	}
	c.URL = "http://" + c.startNginx(t, nginx)
	return c
}

func (r *replica) waitReady(t testing.TB) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get("http://" + r.addr + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		select {
		case err := <-r.done:
			t.Fatalf("replica %s stopped: %v\n%s", r.addr, err, r.log.String())
		case <-time.After(100 * time.Millisecond):
		}
	}
	t.Fatalf("replica %s not ready\n%s", r.addr, r.log.String())
}

// stop ends a replica as a service manager would.
func (r *replica) stop() {
	if r.cmd.ProcessState != nil {
		return
	}
	r.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-r.done:
	case <-time.After(20 * time.Second):
		r.cmd.Process.Kill()
		<-r.done
	}
}

// kill ends a replica with SIGKILL, at once.
func (r *replica) kill() {
	r.cmd.Process.Kill()
	<-r.done
}

// startNginx runs nginx in front of the replicas: round robin, a replica
// that fails taken out for a while, a request that could not reach one
// sent to the next, server-sent events unbuffered. The header
// X-Upstream says which replica answered.
func (c *cluster) startNginx(t testing.TB, bin string) string {
	t.Helper()
	addr := freeAddr(t)
	dir := filepath.Join(c.dir, "nginx")
	for _, d := range []string{"logs", "tmp"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o777); err != nil {
			t.Fatal(err)
		}
	}
	os.Chmod(filepath.Join(dir, "tmp"), 0o777)
	var up strings.Builder
	for _, r := range c.replicas {
		fmt.Fprintf(&up, "\t\tserver %s max_fails=1 fail_timeout=30s;\n", r.addr)
	}
	user := ""
	if os.Getuid() == 0 {
		user = "user root;"
	}
	conf := fmt.Sprintf(`%s
worker_processes 1;
error_log %[2]s/logs/error.log warn;
pid %[2]s/nginx.pid;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path %[2]s/tmp/body;
	proxy_temp_path %[2]s/tmp/proxy;
	fastcgi_temp_path %[2]s/tmp/fastcgi;
	uwsgi_temp_path %[2]s/tmp/uwsgi;
	scgi_temp_path %[2]s/tmp/scgi;
	upstream hushdesk {
%[3]s		keepalive 32;
	}
	server {
		listen %[4]s;
		location / {
			proxy_pass http://hushdesk;
			proxy_http_version 1.1;
			proxy_set_header Connection "";
			proxy_set_header Host $host;
			proxy_set_header X-Forwarded-For $remote_addr;
			proxy_set_header X-Forwarded-Proto $scheme;
			proxy_buffering off;
			proxy_read_timeout 1h;
			proxy_connect_timeout 2s;
			proxy_next_upstream error timeout http_502 http_503;
			add_header X-Upstream $upstream_addr always;
		}
	}
}
`, user, dir, up.String(), addr)
	path := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(path, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-p", dir, "-c", path, "-g", "daemon off;")
	var out syncBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGQUIT)
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get("http://" + addr + "/healthz")
		if err == nil {
			resp.Body.Close()
			return addr
		}
		select {
		case <-done:
			t.Fatalf("nginx stopped: %s", out.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
	t.Fatalf("nginx did not answer: %s", out.String())
	return ""
}

// postAsk asks through url and returns the status, the answer's message
// id and audit seq, and the replica that answered.
func postAsk(ctx context.Context, client *http.Client, url, body string) (int, askAck, string, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, url+"/api/v1/ask", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return 0, askAck{}, "", err
	}
	defer resp.Body.Close()
	var a askAck
	if resp.StatusCode == 200 {
		err = jsonDecode(resp.Body, &a)
	}
	return resp.StatusCode, a, resp.Header.Get("X-Upstream"), err
}

// askAck is what an acknowledged question says of its decision.
type askAck struct {
	ConversationID string `json:"conversation_id"`
	MessageID      string `json:"message_id"`
	Decision       string `json:"decision"`
	ReasonCode     string `json:"reason_code"`
	AuditSeq       uint64 `json:"audit_seq"`
}
