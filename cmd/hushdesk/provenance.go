package main

import (
	"context"
	"fmt"
	"strconv"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/retrieval"
)

// RecordIngest appends a knowledge-base change to the decision log: which
// documents, at which versions, by whom, so a reviewer can tell what the
// assistant could draw on when it answered.
func (m *Main) RecordIngest(ctx context.Context, actor, action string, ids []string, rep retrieval.IngestReport) error {
	versions := map[string]string{}
	for _, d := range m.Index.Documents() {
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
	if _, err := m.Store.Append(ctx, env, nil); err != nil {
		return fmt.Errorf("record knowledge-base change: %w", err)
	}
	return nil
}
