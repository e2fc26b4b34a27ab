package main

// The axe-core check of the browser tests: axe-core (MPL-2.0, test data
// under testdata/axe, never in the binary) is injected into a page and
// run; serious and critical violations fail the test, the others are
// logged. Every console page and the chat page are checked.

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/chromedp"
)

var (
	axeOnce   sync.Once
	axeSource string
	axeErr    error
)

// axeViolation is one rule axe found broken, with the elements.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any `json:"target"`
	} `json:"nodes"`
}

// axeResults counts what the checks found, for the test's log.
var axeResults struct {
	sync.Mutex
	pages, serious, other int
}

// checkAxe runs axe-core on the tab's document and fails the test on a
// serious or critical violation.
func (b *browserSession) checkAxe(ctx context.Context, where string) {
	b.t.Helper()
	axeOnce.Do(func() {
		var src []byte
		src, axeErr = os.ReadFile("testdata/axe/axe.min.js")
		axeSource = string(src)
	})
	if axeErr != nil {
		b.t.Fatalf("read axe-core: %v", axeErr)
	}
	c, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Run(c, chromedp.Evaluate[bool](`typeof axe !== "undefined" || (function () {`+axeSource+`; return true; })()`)); err != nil {
		b.t.Fatalf("inject axe-core into %s: %v", where, err)
	}
	// Only the visible page is checked: views the role does not see are
	// hidden, and axe passes hidden elements over.
	res, err := chromedp.Run(c, chromedp.Evaluate[struct {
		Violations []axeViolation `json:"violations"`
		Passes     int            `json:"passes"`
	}](`axe.run(document).then(function (r) { return {violations: r.violations, passes: r.passes.length}; })`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("run axe-core on %s: %v", where, err)
	}
	if res.Passes == 0 {
		b.t.Fatalf("axe-core checked nothing on %s", where)
	}
	vs := res.Violations
	b.t.Logf("axe (%s): %d rules passed, %d violated", where, res.Passes, len(vs))
	axeResults.Lock()
	axeResults.pages++
	axeResults.Unlock()
	for _, v := range vs {
		var targets []string
		for _, n := range v.Nodes {
			targets = append(targets, fmt.Sprint(n.Target...))
		}
		msg := fmt.Sprintf("axe (%s): %s [%s] %s: %s", where, v.Impact, v.ID, v.Help, strings.Join(targets, ", "))
		axeResults.Lock()
		if v.Impact == "serious" || v.Impact == "critical" {
			axeResults.serious++
			axeResults.Unlock()
			b.t.Error(msg)
			continue
		}
		axeResults.other++
		axeResults.Unlock()
		b.t.Log(msg)
	}
}
