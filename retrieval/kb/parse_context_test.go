package kb

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/inference/fault"
)

// TestParseDocumentContext: a reading that has ended, by its caller or by
// its own deadline, is an error of a clear kind, and a live one reads.
func TestParseDocumentContext(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	expired, cancel2 := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel2()
	md := []byte("# Returns\n\nWithin 30 days.")
	tests := []struct {
		name     string
		ctx      context.Context
		limit    time.Duration
		data     []byte
		wantErr  error // nil: the document is read
		wantKind fault.Kind
	}{
		{"live", context.Background(), ParseTimeout, md, nil, 0},
		{"cancelled by the caller", cancelled, ParseTimeout, md, context.Canceled, fault.Canceled},
		{"the caller's deadline passed", expired, ParseTimeout, md, context.DeadlineExceeded, fault.Unavailable},
		{"its own deadline passed", context.Background(), 0, md, ErrParseTimeout, fault.Unprocessable},
		{"its own deadline passed, a pdf", context.Background(), 0, minimalPDF("T", "Hello"), ErrParseTimeout, fault.Unprocessable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parseWithin(tt.ctx, tt.limit, "kb/a.md", tt.data)
			if tt.wantErr == nil {
				if err != nil || !strings.Contains(doc.Text, "30 days") {
					t.Fatalf("err %v, text %q", err, doc.Text)
				}
				return
			}
			if !errors.Is(err, tt.wantErr) || fault.KindOf(err) != tt.wantKind {
				t.Fatalf("err = %v (kind %v), want %v (kind %v)", err, fault.KindOf(err), tt.wantErr, tt.wantKind)
			}
		})
	}
}

// TestParsersStopWhenCancelled: the HTML and PDF readers look at the
// context as they go, so a long file stops being read soon after its
// reading is called off.
func TestParsersStopWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	longHTML := "<html><body>" + strings.Repeat("<p>Free delivery over 499.</p>", 2*ctxCheckEvery) + "</body></html>"
	tests := []struct {
		name string
		read func(context.Context) error
	}{
		{"html", func(ctx context.Context) error {
			_, err := htmlToMarkdown(ctx, strings.NewReader(longHTML))
			return err
		}},
		{"pdf", func(ctx context.Context) error {
			_, _, err := pdfToText(ctx, minimalPDF("T", "Hello"))
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.read(context.Background()); err != nil {
				t.Fatalf("a live context: %v", err)
			}
			if err := tt.read(ctx); !errors.Is(err, context.Canceled) {
				t.Fatalf("a cancelled context: err = %v, want context.Canceled", err)
			}
		})
	}
}
