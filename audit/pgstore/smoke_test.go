package pgstore_test

import (
	"testing"

	"github.com/hushdesk/hushdesk/audit"
)

func TestAppendVerify(t *testing.T) {
	db := testDatabase(t)
	s := openReplica(t, db)
	ctx := ctxT(t)
	for i := range 10 {
		if _, err := s.Append(ctx, audit.Envelope{Type: audit.TypeDecision, Conversation: conv(i % 3), Decision: "answer"},
			&audit.Content{Question: "q", Answer: "a"}); err != nil {
			t.Fatal(err)
		}
	}
	res, err := s.Verify(ctx)
	if err != nil || !res.OK || res.Events != 10 {
		t.Fatalf("verify: %+v %v", res, err)
	}
	evs, err := s.Conversation(ctx, conv(1))
	if err != nil || len(evs) != 3 || evs[0].Content == nil || evs[0].Content.Answer != "a" {
		t.Fatalf("conversation: %+v %v", evs, err)
	}
}
