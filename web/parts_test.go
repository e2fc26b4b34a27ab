package web

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/role"
	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/desk"
	"github.com/hushdesk/hushdesk/inference/feedback"
	"github.com/hushdesk/hushdesk/inference/report"
	"github.com/hushdesk/hushdesk/redact"
	"github.com/hushdesk/hushdesk/retrieval/kb"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

// testEnv is a server on real parts (an audit store in a temporary
// directory, an empty knowledge base in memory) with a fake assistant,
// and one token per role.
type testEnv struct {
	srv    *Server
	store  *audit.Store
	index  *search.Index
	secret map[role.Role]string
}

// knowledgeOf is the knowledge base as web manages it, recording nothing.
type knowledgeOf struct{ *search.Index }

func (k knowledgeOf) Ingest(ctx context.Context, _ string, docs []kb.Document) (search.IngestReport, error) {
	return k.Index.Ingest(ctx, docs)
}

func (k knowledgeOf) Remove(ctx context.Context, _ string, ids ...string) (int, error) {
	return k.Index.Remove(ctx, ids...)
}

func (k knowledgeOf) Reindex(ctx context.Context, _ string) (search.ReindexReport, error) {
	return k.Index.Reindex(ctx)
}

func (k knowledgeOf) Passages(ctx context.Context, id string) ([]search.Passage, error) {
	return k.Index.Passages(ctx, id)
}

// noDrafts suggests nothing: the handlers' tests use the real assistant
// through cmd/hushdesk.
type noDrafts struct{}

func (noDrafts) SuggestReply(context.Context, string) (inference.Draft, error) {
	return inference.Draft{}, inference.ErrNoDraft
}

func (noDrafts) Summarize(context.Context, string, func(string) string) (inference.Summary, error) {
	return inference.Summary{Mode: inference.ModeExtractive}, nil
}

func newEnv(t *testing.T, a Assistant, opts Options, edit ...func(*Parts)) *testEnv {
	t.Helper()
	store, err := audit.Open(t.TempDir(), audit.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	ix, err := search.OpenMemory(search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if a == nil {
		a = &fakeAsker{}
	}
	r := redact.New(redact.Options{})
	parts := Parts{
		Assistant: a, Log: store, Rights: store, Tokens: store, Queue: store,
		Desk:      desk.New(r, store),
		Feedback:  feedback.New(store, r, a.HandOff),
		Reports:   report.New(store, ix),
		Knowledge: knowledgeOf{ix},
		Drafts:    noDrafts{},
		Canned:    store,
		Settings:  store,
		Articles:  knowledgeOf{ix},
	}
	for _, e := range edit {
		e(&parts)
	}
	srv, err := New(parts, opts)
	if err != nil {
		t.Fatal(err)
	}
	env := &testEnv{srv: srv, store: store, index: ix, secret: map[role.Role]string{}}
	for _, r := range role.All() {
		secret, _, err := store.CreateToken(context.Background(), r, string(r), "test")
		if err != nil {
			t.Fatal(err)
		}
		env.secret[r] = secret
	}
	return env
}

// serve starts an HTTP server for the env's handler.
func (e *testEnv) serve(t *testing.T) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(e.srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}

var _ Assistant = (*fakeAsker)(nil)

func (f *fakeAsker) HandOff(ctx context.Context, h inference.HandoffRequest) (inference.Reply, error) {
	return inference.Reply{ConversationID: h.ConversationID, Decision: "handoff", ReasonCode: h.Reason}, nil
}

func (f *fakeAsker) Forget(string) {}
