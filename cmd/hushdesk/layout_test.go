package main

import (
	"encoding/json"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/hushdesk/hushdesk/"

// vocabulary are the leaf packages every package may import: they import
// nothing of the project but each other.
var vocabulary = []string{"inference/lang", "inference/decision", "inference/catalog", "inference/fault", "audit/role"}

// TestPackageBoundaries keeps the layout of docs/architecture.md true:
// redact, retrieval and audit reach no other part of the project (only
// the vocabulary), the vocabulary is made of leaves, and Echo stays
// inside web.
func TestPackageBoundaries(t *testing.T) {
	out, err := exec.Command("go", "list", "-json=ImportPath,Imports", module+"...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	n := 0
	for dec.More() {
		var p struct {
			ImportPath string
			Imports    []string
		}
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		n++
		pkg := strings.TrimPrefix(p.ImportPath, module)
		for _, imp := range p.Imports {
			if strings.HasPrefix(imp, "github.com/labstack/echo") && !strings.HasPrefix(pkg, "web") {
				t.Errorf("%s imports Echo; only web may", pkg)
			}
			dep, ours := strings.CutPrefix(imp, module)
			if !ours || slices.Contains(vocabulary, dep) || strings.HasPrefix(dep, pkg+"/") {
				continue
			}
			switch top, _, _ := strings.Cut(pkg, "/"); {
			case slices.Contains(vocabulary, pkg):
				t.Errorf("vocabulary package %s imports %s; it must be a leaf", pkg, dep)
			case top == "redact" || top == "retrieval" || top == "audit":
				if !strings.HasPrefix(dep, top+"/") && dep != top {
					t.Errorf("%s imports %s: %s reaches no other part of the project", pkg, dep, top)
				}
			}
		}
	}
	if n < 15 {
		t.Fatalf("only %d packages listed", n)
	}
}

// TestTopLevelLayout keeps the repository's top level to its fixed
// folders and files: new packages go under them.
func TestTopLevelLayout(t *testing.T) {
	allowed := []string{"cmd", "inference", "retrieval", "redact", "audit", "web", "go.mod", "go.sum", "README.md",
		"LICENSE", "NOTICE", ".ci", "docs", "testdata", ".gitignore", ".git"}
	out, err := exec.Command("git", "-C", "../..", "ls-tree", "--name-only", "HEAD").Output()
	if err != nil {
		t.Skipf("not a git checkout: %v", err)
	}
	for _, name := range strings.Fields(string(out)) {
		if !slices.Contains(allowed, name) {
			t.Errorf("%s is at the top level; the layout is %v", name, allowed)
		}
	}
}
