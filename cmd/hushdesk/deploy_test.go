package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"math/big"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// deployDir holds the files docs/deploy.md ships.
const deployDir = "../../docs/deploy"

// needTool returns the path of a tool a deployment check runs; without
// it the check is skipped, except under CI=true, where .ci/run installs
// it (both are Debian packages).
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		p, err = exec.LookPath("/usr/sbin/" + name)
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not installed: .ci/run installs it", name)
		}
		t.Skipf("%s is not installed", name)
	}
	return p
}

// TestDeployConfigFile: the example configuration file of docs/deploy.md
// is read by the binary, every key known, as the replicas would read it.
func TestDeployConfigFile(t *testing.T) {
	fs := newFlagSet("serve", os.Stderr)
	if err := parseFlags(fs, []string{"--config", filepath.Join(deployDir, "hushdesk.yaml")}); err != nil {
		t.Fatal(err)
	}
	c, err := loadConfig(fs, func(string) string { return "" })
	if err != nil {
		t.Fatalf("the example configuration is refused: %v", err)
	}
	if !c.TrustProxy || len(c.TrustedProxies) != 1 || c.TrustedProxies[0] != netip.MustParsePrefix("10.0.0.5/32") {
		t.Errorf("trust_proxy %v, trusted_proxies %v", c.TrustProxy, c.TrustedProxies)
	}
	if c.Store == "" || c.KEKFile == "" || len(c.ollamaHosts()) != 2 {
		t.Errorf("store %q, kek_file %q, ollama %v", redactURL(c.Store), c.KEKFile, c.ollamaHosts())
	}
	if c.DrainDelay <= 0 {
		t.Errorf("drain_delay %s: behind the proxy, a stopping replica should give it time to notice", c.DrainDelay)
	}
}

// TestDeployConfigOpensReplica: a replica opens with the example
// configuration file (its store, key-encryption-key file and data
// directory pointed at ones made here), as serve opens it.
func TestDeployConfigOpensReplica(t *testing.T) {
	fs := newFlagSet("serve", os.Stderr)
	if err := parseFlags(fs, []string{"--config", filepath.Join(deployDir, "hushdesk.yaml")}); err != nil {
		t.Fatal(err)
	}
	c, err := loadConfig(fs, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	c.Store, c.KEKFile, c.Data, c.MasterKey = testDatabase(t), "", t.TempDir(), testMasterKey
	m := NewMain(c, io.Discard)
	defer m.Close()
	if err := m.Open(context.Background()); err != nil {
		t.Fatalf("a replica refuses the example configuration: %v", err)
	}
}

// TestDeploySystemdUnit checks the shipped unit with systemd-analyze
// verify (its ExecStart pointed at a binary that exists here).
func TestDeploySystemdUnit(t *testing.T) {
	tool := needTool(t, "systemd-analyze")
	raw, err := os.ReadFile(filepath.Join(deployDir, "hushdesk.service"))
	if err != nil {
		t.Fatal(err)
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	unit := strings.Replace(string(raw), "ExecStart=/usr/local/bin/hushdesk ", "ExecStart="+self+" ", 1)
	if unit == string(raw) {
		t.Fatal("the unit's ExecStart is not /usr/local/bin/hushdesk serve ...")
	}
	path := filepath.Join(t.TempDir(), "hushdesk.service")
	if err := os.WriteFile(path, []byte(unit), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "verify", path).CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Fatalf("systemd-analyze verify: %v\n%s", err, out)
	}
}

// TestDeployNginx checks the shipped nginx configuration with nginx -t,
// inside a minimal main configuration and with a certificate made here.
func TestDeployNginx(t *testing.T) {
	tool := needTool(t, "nginx")
	dir := t.TempDir()
	cert, key := filepath.Join(dir, "fullchain.pem"), filepath.Join(dir, "privkey.pem")
	writeSelfSigned(t, cert, key)
	raw, err := os.ReadFile(filepath.Join(deployDir, "nginx.conf"))
	if err != nil {
		t.Fatal(err)
	}
	conf := strings.NewReplacer("/etc/ssl/hushdesk/fullchain.pem", cert, "/etc/ssl/hushdesk/privkey.pem", key).Replace(string(raw))
	if err := os.WriteFile(filepath.Join(dir, "hushdesk.conf"), []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	main := "pid " + filepath.Join(dir, "nginx.pid") + ";\nerror_log " + filepath.Join(dir, "error.log") + ";\n" +
		"events {}\nhttp {\n\tinclude " + filepath.Join(dir, "hushdesk.conf") + ";\n}\n"
	mainPath := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(mainPath, []byte(main), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-t", "-q", "-p", dir, "-c", mainPath).CombinedOutput()
	if err != nil {
		t.Fatalf("nginx -t: %v\n%s", err, out)
	}
}

func writeSelfSigned(t *testing.T, certPath, keyPath string) {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "support.example.com"},
		DNSNames: []string{"support.example.com"}, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &k.PublicKey, k)
	if err != nil {
		t.Fatal(err)
	}
	kder, err := x509.MarshalECPrivateKey(k)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(certPath, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644)
	os.WriteFile(keyPath, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}), 0o600)
}
