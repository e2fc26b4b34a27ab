package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// copyleft matches the licences whose terms an Apache-2.0 binary cannot
// take on.
var copyleft = regexp.MustCompile(`(?i)GNU (LESSER |AFFERO )?GENERAL PUBLIC LICENSE|Mozilla Public License|Eclipse Public License|European Union Public Licence`)

// TestNoCopyleftInTheBinary reads the licence of every module compiled
// into hushdesk: none may be copyleft, and NOTICE must list each one.
func TestNoCopyleftInTheBinary(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("needs the go command")
	}
	out, err := exec.Command("go", "list", "-deps", "-json=Module", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	notice, err := os.ReadFile("../../NOTICE")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var p struct {
			Module *struct{ Path, Version, Dir string }
		}
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		m := p.Module
		if m == nil || m.Path == "github.com/hushdesk/hushdesk" || seen[m.Path] {
			continue
		}
		seen[m.Path] = true
		if !bytes.Contains(notice, []byte(m.Path+" "+m.Version)) {
			t.Errorf("NOTICE does not list %s %s", m.Path, m.Version)
		}
		files, _ := filepath.Glob(filepath.Join(m.Dir, "*"))
		found := false
		for _, f := range files {
			name := strings.ToUpper(filepath.Base(f))
			if !strings.HasPrefix(name, "LICEN") && !strings.HasPrefix(name, "COPYING") {
				continue
			}
			found = true
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if copyleft.Match(b) {
				t.Errorf("%s %s is under a copyleft licence (%s)", m.Path, m.Version, filepath.Base(f))
			}
		}
		if !found {
			t.Errorf("%s %s has no licence file", m.Path, m.Version)
		}
	}
	if len(seen) < 10 {
		t.Fatalf("only %d modules read; the check read nothing useful", len(seen))
	}
}
