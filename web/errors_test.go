package web

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/inference/fault"
)

// TestEveryKindHasAStatus: a new kind of error is never a 500 by omission.
func TestEveryKindHasAStatus(t *testing.T) {
	for _, k := range fault.Kinds() {
		if _, ok := statusOf[k]; !ok {
			t.Errorf("kind %s has no HTTP status in statusOf", k)
		}
	}
	if len(fault.Kinds()) != len(statusOf) {
		t.Errorf("statusOf has %d entries for %d kinds", len(statusOf), len(fault.Kinds()))
	}
}

// TestQuestionLengthFromTheSetting: the chat page and the widget's
// configuration tell the browser the configured longest question, not a
// constant.
func TestQuestionLengthFromTheSetting(t *testing.T) {
	srv := newEnv(t, &fakeAsker{}, Options{Company: "Testco", MaxQuestionChars: 123}).serve(t)
	for _, tt := range []struct{ path, want string }{
		{"/", `maxlength="123"`},
		{"/api/v1/widget/config", `"max_question":123`},
	} {
		resp, err := http.Get(srv.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !strings.Contains(string(b), tt.want) {
			t.Errorf("%s: %.300s, want %s in it", tt.path, b, tt.want)
		}
	}
}
