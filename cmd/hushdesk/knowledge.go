package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/role"
	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/redact"
	"github.com/hushdesk/hushdesk/retrieval/kb"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

// knowledge is the knowledge base as admins and the command line change
// it: every change is made in the index and recorded in the decision log
// with its actor, so a reviewer can tell which documents were live when an
// answer was given.
type knowledge struct {
	index *search.Index
	store inference.Recorder
}

func (m *Main) knowledge() knowledge { return knowledge{index: m.Index, store: m.Audit} }

func (k knowledge) Documents() []kb.DocInfo { return k.index.Documents() }

func (k knowledge) Ready(ctx context.Context) error { return k.index.Ready(ctx) }

// Ingest adds or updates documents and records the change.
func (k knowledge) Ingest(ctx context.Context, actor string, docs []kb.Document) (search.IngestReport, error) {
	return k.IngestWith(ctx, actor, "upload", docs, search.IngestOptions{})
}

// IngestWith is Ingest with the ingest's options and the action recorded.
// Documents refused for personal data in their names are left out of the
// record, and the refusal (a *kb.RefusedError) is returned after it.
func (k knowledge) IngestWith(ctx context.Context, actor, action string, docs []kb.Document, o search.IngestOptions) (search.IngestReport, error) {
	rep, err := k.index.IngestWith(ctx, docs, o)
	if err != nil && !errors.Is(err, kb.ErrPersonalDataInName) {
		return rep, err
	}
	if rerr := k.record(ctx, actor, action, ingestedIDs(docs, rep.Refused), rep); rerr != nil {
		return rep, rerr
	}
	return rep, err
}

// ingestedIDs are the ids of docs, but for those refused: an id that
// holds personal data is recorded nowhere.
func ingestedIDs(docs []kb.Document, refused []kb.Refusal) []string {
	skip := make(map[int]bool, len(refused))
	for _, r := range refused {
		skip[r.Index] = true
	}
	ids := make([]string, 0, len(docs))
	for i, d := range docs {
		if !skip[i] {
			ids = append(ids, d.ID)
		}
	}
	return ids
}

// Remove removes documents and records the change.
func (k knowledge) Remove(ctx context.Context, actor string, ids ...string) (int, error) {
	n, err := k.index.Remove(ctx, ids...)
	if err != nil || n == 0 {
		return n, err
	}
	return n, k.record(ctx, actor, "remove", ids, search.IngestReport{Removed: n})
}

// Reindex analyses every passage again and records that it did.
func (k knowledge) Reindex(ctx context.Context, actor string) (search.ReindexReport, error) {
	rep, err := k.index.Reindex(ctx)
	if err != nil {
		return rep, err
	}
	return rep, k.record(ctx, actor, "reindex", nil, search.IngestReport{Chunks: rep.Passages, Embedded: rep.Embedded})
}

// record appends a knowledge-base change to the decision log: which
// documents, at which versions, by whom.
func (k knowledge) record(ctx context.Context, actor, action string, ids []string, rep search.IngestReport) error {
	versions := map[string]string{}
	for _, d := range k.index.Documents() {
		versions[d.ID] = d.Version
	}
	env := audit.Envelope{
		Type:  audit.TypeIngest,
		Actor: actor,
		Attrs: map[string]string{
			"action":    action,
			"added":     strconv.Itoa(rep.Added),
			"updated":   strconv.Itoa(rep.Updated),
			"unchanged": strconv.Itoa(rep.Unchanged),
			"removed":   strconv.Itoa(rep.Removed),
			"passages":  strconv.Itoa(rep.Chunks),
		},
	}
	if len(rep.Refused) > 0 {
		env.Attrs["refused"] = strconv.Itoa(len(rep.Refused))
	}
	for _, id := range ids {
		env.Sources = append(env.Sources, audit.Source{DocID: id, Version: versions[id]})
	}
	red := map[string]int{}
	for _, counts := range rep.PersonalData {
		for t, n := range counts {
			red[t] += n
		}
	}
	if len(red) > 0 {
		env.Redactions = red
	}
	if _, err := k.store.Append(ctx, env, nil); err != nil {
		return fmt.Errorf("record knowledge-base change: %w", err)
	}
	return nil
}

// tokens is the token store with labels redacted before they are kept: a
// label names a team or a purpose, and a person's name or address typed
// into it must not reach the disk in clear.
type tokens struct {
	tokenStore
	redactor *redact.Redactor
}

func (m *Main) tokens() tokens { return tokens{tokenStore: m.Audit, redactor: m.Redactor} }

// CreateToken makes a token whose label is stored redacted.
func (t tokens) CreateToken(ctx context.Context, r role.Role, label, actor string, opts ...audit.TokenOption) (string, audit.Token, error) {
	return t.tokenStore.CreateToken(ctx, r, t.redactor.Redact(label, nil).Text, actor, opts...)
}

// Search finds passages as the assistant does, for an admin searching
// the knowledge base.
func (k knowledge) Search(ctx context.Context, q search.Query) (search.Result, error) {
	return k.index.Search(ctx, q)
}

// Passages returns one article's passages, for its preview.
func (k knowledge) Passages(ctx context.Context, docID string) ([]search.Passage, error) {
	return k.index.Passages(ctx, docID)
}
