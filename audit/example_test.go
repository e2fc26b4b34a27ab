package audit_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/role"
)

// A decision is appended, the subject asks for erasure, and the log still
// verifies against a checkpoint taken before.
func ExampleStore_EraseSubject() {
	dir, err := os.MkdirTemp("", "hushdesk-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	s, err := audit.Open(dir, audit.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()

	subject := s.SubjectPseudonym("customer-42")
	_, err = s.Append(ctx, audit.Envelope{
		Type: audit.TypeDecision, Subject: subject, Conversation: s.ConversationRef("capability"),
		Decision: "answer", Model: "qwen2.5:3b-instruct",
	}, &audit.Content{Question: "How do I return an item?", Answer: "Within 30 days [1]."})
	if err != nil {
		log.Fatal(err)
	}
	cp, err := s.Checkpoint(ctx) // export this and keep it elsewhere
	if err != nil {
		log.Fatal(err)
	}

	receipt, err := s.EraseSubject(ctx, subject, "compliance-officer")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("events affected:", receipt.EventsAffected)

	res, err := s.VerifyCheckpoint(ctx, cp)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("log intact:", res.OK, "events:", res.Events)

	s.Scan(ctx, audit.Filter{Types: []string{audit.TypeDecision}}, true, func(e audit.Event) error {
		fmt.Println("decision kept:", e.Decision, "content shredded:", e.Shredded)
		return nil
	})
	// Output:
	// events affected: 1
	// log intact: true events: 3
	// decision kept: answer content shredded: true
}

// Tokens for the HTTP API are stored as keyed hashes; the secret is shown
// once.
func ExampleStore_CreateToken() {
	dir, err := os.MkdirTemp("", "hushdesk-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	s, err := audit.Open(dir, audit.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()

	secret, tok, err := s.CreateToken(ctx, role.Compliance, "compliance desk", "admin")
	if err != nil {
		log.Fatal(err)
	}
	found, err := s.LookupToken(ctx, secret)
	fmt.Println(found.ID == tok.ID, found.Role, err)
	_, err = s.LookupToken(ctx, "guess")
	fmt.Println(err)
	// Output:
	// true compliance <nil>
	// no such access token
}

// Every checkpoint goes to an anchor file on another mount as it is
// made; a verifier checks the log against the last one, and pins the
// signing key by its published fingerprint.
func ExampleFileAnchor() {
	dir, err := os.MkdirTemp("", "hushdesk-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	masterKey := strings.Repeat("5a", 32) // in production: HUSHDESK_MASTER_KEY or a key file elsewhere
	anchors := filepath.Join(dir, "anchors.jsonl")
	data := filepath.Join(dir, "data")
	ctx := context.Background()

	s, err := audit.Open(data, audit.Options{MasterKey: masterKey, Anchor: audit.NewFileAnchor(anchors)})
	if err != nil {
		log.Fatal(err)
	}
	s.Append(ctx, audit.Envelope{Type: audit.TypeDecision, Decision: "answer"}, nil)
	cp, err := s.Checkpoint(ctx)
	if err != nil {
		log.Fatal(err)
	}
	pin := cp.Fingerprint // published, e.g. in the transparency report
	s.Close()             // sends what the anchor has not had yet

	f, err := os.Open(anchors)
	if err != nil {
		log.Fatal(err)
	}
	last, n, err := audit.ReadAnchor(f)
	f.Close()
	if err != nil {
		log.Fatal(err)
	}
	r, err := audit.Open(data, audit.Options{MasterKey: masterKey, ReadOnly: true})
	if err != nil {
		log.Fatal(err)
	}
	defer r.Close()
	res, err := r.VerifyWith(ctx, audit.VerifyOptions{Checkpoint: &last, Pin: pin})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("anchored checkpoints:", n, "log intact:", res.OK, "events:", res.Events)
	// Output:
	// anchored checkpoints: 1 log intact: true events: 2
}
