package audit

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
)

func TestExportSubject(t *testing.T) {
	s := openTestStore(t, "")
	ctx := context.Background()
	alice, bob := s.SubjectPseudonym("alice"), s.SubjectPseudonym("bob")
	c1, c2 := s.ConversationRef("one"), s.ConversationRef("two")
	mustAppend(t, s, Envelope{Type: TypeDecision, Conversation: c1}, &Content{Question: "before I said who I am"})
	mustAppend(t, s, Envelope{Type: TypeDecision, Conversation: c1, Subject: alice, Decision: "answer", Model: "m:1",
		ModelDigest: "sha256:abc", Sources: []Source{{DocID: "en/returns.md", Score: 2}}}, &Content{Question: "returns?", Answer: "30 days [1]"})
	mustAppend(t, s, Envelope{Type: TypeDecision, Conversation: c2, Subject: bob}, &Content{Question: "bob's"})
	mustAppend(t, s, Envelope{Type: TypeDecision, Conversation: c2, Subject: alice}, &Content{Question: "second"})
	if _, err := s.OpenRequest(ctx, RequestAccess, alice, "", "t_officer"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.EraseConversation(ctx, c2, "customer"); err != nil {
		t.Fatal(err)
	}

	x, err := s.ExportSubject(ctx, alice, "t_officer")
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Events) != 2 || x.Events[0].Content == nil || x.Events[0].Content.Question != "before I said who I am" {
		t.Fatalf("events = %+v", x.Events)
	}
	ans := x.Events[1]
	if ans.Content == nil || ans.Content.Answer != "30 days [1]" || ans.Model != "m:1" || ans.Sources[0].DocID != "en/returns.md" {
		t.Fatalf("answer = %+v", ans)
	}
	if len(x.Requests) != 1 || x.Statement.AutomatedDecisions == "" || len(x.Statement.Purposes) == 0 || len(x.Conversations) != 1 {
		t.Fatalf("export = %+v", x)
	}
	raw := string(mustJSON(t, x))
	for _, key := range []string{`"subject":`, `"generated":`, `"statement":`, `"automated_decisions":`, `"events":`, `"requests":`, `"audit_seq":`, `"model_digest":`} {
		if !strings.Contains(raw, key) {
			t.Errorf("export JSON lacks %s", key)
		}
	}
	if strings.Contains(raw, "bob's") {
		t.Error("another subject's content is in the export")
	}
	rec := eventsOfType(t, s, TypeSubjectExport)
	if len(rec) != 1 || rec[0].Seq != x.AuditSeq || rec[0].Subject != alice || rec[0].Attrs["events"] != "2" {
		t.Fatalf("export event = %+v", rec)
	}
	if _, err := s.ExportSubject(ctx, "alice", "x"); !errors.Is(err, ErrInvalid) {
		t.Fatalf("ExportSubject(raw id) = %v", err)
	}
}

func TestExportManifest(t *testing.T) {
	s := openTestStore(t, "")
	ctx := context.Background()
	for i := range 5 {
		mustAppend(t, s, decision("k_a", i), nil)
	}
	var buf bytes.Buffer
	sum, err := s.Export(ctx, &buf, ExportRequest{Filter: Filter{Decision: "answer"}, Format: FormatCSV, Actor: "t_officer"})
	if err != nil {
		t.Fatal(err)
	}
	m := sum.Manifest
	if m.SHA256 != sum.SHA256 || m.Events != 5 || m.Format != FormatCSV || m.AuditSeq != sum.AuditSeq ||
		m.Checkpoint == nil || m.Checkpoint.Seq < m.AuditSeq || m.Filter.Decision != "answer" {
		t.Fatalf("manifest = %+v", m)
	}
	// The manifest is meant to be written next to the file as JSON.
	var back Manifest
	if err := json.Unmarshal(mustJSON(t, m), &back); err != nil {
		t.Fatal(err)
	}
	if res, err := s.CheckManifest(ctx, back, bytes.NewReader(buf.Bytes())); err != nil || !res.OK {
		t.Fatalf("CheckManifest = %+v, %v", res, err)
	}
	altered := bytes.Replace(buf.Bytes(), []byte("answer"), []byte("abstain"), 1)
	if _, err := s.CheckManifest(ctx, back, bytes.NewReader(altered)); !errors.Is(err, ErrManifest) {
		t.Fatalf("CheckManifest of an altered file = %v", err)
	}
	back.AuditSeq = 1 // an event that is not this export
	if _, err := s.CheckManifest(ctx, back, bytes.NewReader(buf.Bytes())); !errors.Is(err, ErrManifest) {
		t.Fatalf("CheckManifest naming another event = %v", err)
	}
}

func TestOldKeysMoveToTheKeyFile(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	wrapped := writeOldLayout(t, dir, "k_a", "kept through the move")
	if hits := filesContaining(t, dir, wrapped); len(hits) != 1 || hits[0] != FileName {
		t.Fatalf("old layout: key found in %v", hits)
	}

	s := openTestStore(t, dir)
	evs, err := s.Conversation(ctx, "k_a")
	if err != nil || len(evs) != 1 || evs[0].Content == nil || evs[0].Content.Question != "kept through the move" {
		t.Fatalf("content after the move = %+v, %v", evs, err)
	}
	if res, _ := s.Verify(ctx); !res.OK {
		t.Fatalf("Verify after the move = %+v", res)
	}
	s.Close()
	if hits := filesContaining(t, dir, wrapped); len(hits) != 1 || hits[0] != KeysFileName {
		t.Fatalf("after the move the key is in %v, want only %s", hits, KeysFileName)
	}
	if _, err := os.Stat(dir + "/" + FileName + ".tmp"); !os.IsNotExist(err) {
		t.Fatalf("temporary file left behind: %v", err)
	}

	// A key moved from the old layout is erased like any other.
	s = openTestStore(t, dir)
	if _, err := s.EraseConversation(ctx, "k_a", "customer"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if hits := filesContaining(t, dir, wrapped); len(hits) != 0 {
		t.Fatalf("erased old key found in %v", hits)
	}
}

func TestExportsCarryNoPlaceholderValues(t *testing.T) {
	s := openTestStore(t, "")
	ctx := context.Background()
	alice := s.SubjectPseudonym("alice")
	conv := s.ConversationRef("one")
	mustAppend(t, s, Envelope{Type: TypeDecision, Conversation: conv, Subject: alice}, &Content{
		Question:     "my mail is [EMAIL_1]",
		Placeholders: []Placeholder{{Label: "[EMAIL_1]", Type: "EMAIL", Canon: "ann@example.org", Value: "ann@example.org"}},
	})

	// The conversation reads its values back ...
	evs, err := s.Conversation(ctx, conv)
	if err != nil || len(evs) != 1 || evs[0].Content == nil || len(evs[0].Content.Placeholders) != 1 {
		t.Fatalf("Conversation = %+v, %v", evs, err)
	}
	// ... but neither export shows them.
	x, err := s.ExportSubject(ctx, alice, "t_officer")
	if err != nil {
		t.Fatal(err)
	}
	var all bytes.Buffer
	if _, err := s.Export(ctx, &all, ExportRequest{Content: true}); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"subject export": string(mustJSON(t, x)), "export": all.String()} {
		if strings.Contains(out, "ann@example.org") || !strings.Contains(out, "[EMAIL_1]") {
			t.Errorf("%s = %s", name, out)
		}
	}
}
