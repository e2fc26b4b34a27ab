package redact

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDbgFind(t *testing.T) {
	txt := os.Getenv("DBG")
	if txt == "" {
		t.Skip()
	}
	r := New(Options{})
	for _, line := range strings.Split(txt, "||") {
		for _, f := range r.Find(line) {
			fmt.Printf("%s %q %.2f\n", f.Type, line[f.Start:f.End], f.Score)
		}
		fmt.Println("--")
	}
}
