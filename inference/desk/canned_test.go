package desk_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/desk"
	"github.com/hushdesk/hushdesk/inference/internal/fixture"
	"github.com/hushdesk/hushdesk/redact"
)

func TestCanned(t *testing.T) {
	r := redact.New(redact.Options{})
	if err := desk.CheckCanned(r, "Hi {{customer_name}}, {{agent_name}} from {{ company }} here."); err != nil {
		t.Errorf("good canned response: %v", err)
	}
	if err := desk.CheckCanned(r, "Hi {{first_name}}"); !errors.Is(err, desk.ErrUnknownVariable) || !strings.Contains(err.Error(), "first_name") {
		t.Errorf("unknown variable = %v", err)
	}
	if err := desk.CheckCanned(r, "Call Jonas on +45 32 12 34 56"); !errors.Is(err, desk.ErrPersonalData) {
		t.Errorf("personal data = %v", err)
	}
	ph := redact.NewPlaceholders()
	r.Redact("My name is Lena Berg", ph)
	if got := desk.FillCanned("Hi {{customer_name}}, {{agent_name}} here.", ph, "Mette", "Larkspur"); got != "Hi <PERSON_1>, Mette here." {
		t.Errorf("filled = %q", got)
	}
	if got := desk.FillCanned("Hi {{customer_name}}, thanks for writing to {{company}}.", nil, "", "Larkspur"); got != "Hi, thanks for writing to Larkspur." {
		t.Errorf("filled without a name = %q", got)
	}
}

func TestNotesAndLiveReply(t *testing.T) {
	f := fixture.New(t, false)
	ctx := context.Background()
	r1, err := f.A.Ask(ctx, inference.Question{Text: "I want a human. My email is lena.berg@example.se"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	id := audit.HandoffID(r1.MessageID)
	d := desk.New(redact.New(redact.Options{}), f.Store)
	ann := audit.Agent{ID: "agent:t_ann", Name: "Ann"}
	n, err := d.AddNote(ctx, id, ann, "Customer wrote from lena.berg@example.se, call +45 61 23 45 67 if needed")
	if err != nil || strings.Contains(n.Stored, "lena.berg") || strings.Contains(n.Stored, "61 23") || !strings.Contains(n.Stored, "<EMAIL_1>") {
		t.Fatalf("note = %+v, %v", n, err)
	}
	if _, err := d.AddNote(ctx, id, ann, "   "); !errors.Is(err, desk.ErrEmptyNote) {
		t.Errorf("empty note = %v", err)
	}
	// A draft's placeholder reaches the customer as their own value.
	rep, err := d.ReplyAsAgent(ctx, id, ann, "We will write to <EMAIL_1> today.")
	if err != nil || rep.Text != "We will write to lena.berg@example.se today." || rep.Stored != "We will write to <EMAIL_1> today." {
		t.Fatalf("reply = %+v, %v", rep, err)
	}
}
