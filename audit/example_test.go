package audit_test

import (
	"context"
	"fmt"
	"log"
	"os"

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
