package inference

import (
	"context"
	"fmt"
	"strings"

	"github.com/hushdesk/hushdesk/inference/catalog"
	"github.com/hushdesk/hushdesk/inference/decision"
	"github.com/hushdesk/hushdesk/inference/lang"
)

// HandoffRequest is a hand-off that no question triggered: the customer
// pressed "talk to a person", or rated an answer down.
type HandoffRequest struct {
	// ConversationID is the customer's capability; empty starts a
	// conversation. Conversation, when set, is the conversation's
	// internal id, for callers that know only that (feedback given by
	// message id).
	ConversationID string
	Conversation   string
	// Subject is the customer's id, or SubjectPseudonym its pseudonym.
	Subject          string
	SubjectPseudonym string
	Lang             lang.Tag
	Reason           decision.Reason
	// DocHints are the ids of articles in play, which route the hand-off.
	DocHints []string
}

// HandOff records a hand-off that no question triggered and returns what
// the customer is told.
func (a *Assistant) HandOff(ctx context.Context, h HandoffRequest) (Reply, error) {
	if h.ConversationID == "" && h.Conversation == "" {
		h.ConversationID = NewConversationID()
	}
	if h.ConversationID != "" && !ValidConversationID(h.ConversationID) {
		return Reply{}, ErrBadConversation
	}
	if h.Conversation == "" {
		h.Conversation = a.parts.Recorder.ConversationRef(h.ConversationID)
	}
	if h.SubjectPseudonym == "" && h.Subject != "" {
		h.SubjectPseudonym = a.parts.Recorder.SubjectPseudonym(h.Subject)
	}
	if len(h.DocHints) == 0 && a.parts.History != nil {
		// Route by what the conversation was about.
		if evs, err := a.parts.History.Conversation(ctx, h.Conversation); err == nil {
			h.DocHints = a.topicHints(threadOf(evs))
		}
	}
	l := h.Lang.Or(lang.Default)
	say := h.Reason
	if say != decision.PersonRequested && say != decision.OfferAccepted {
		say = decision.RepeatedFailure // "I'm sorry I haven't been able to help ..."
	}
	if say == decision.OfferAccepted {
		say = decision.PersonRequested
	}
	d := Decision{
		ConversationID: h.ConversationID, Conversation: h.Conversation, Subject: h.SubjectPseudonym,
		MessageID: NewMessageID(), Kind: decision.Handoff, Reason: h.Reason, Lang: l,
		Answer:    catalog.Text(l, catalog.Handoff(say)),
		Team:      a.parts.Triage.Route("", h.DocHints),
		Generator: GeneratorInfo{Mode: ModeExtractive}, Outcome: "ok",
	}
	a.afterHours(&d)
	seq, err := a.parts.Recorder.Append(ctx, d.Envelope(), d.Content())
	if err != nil {
		return Reply{}, fmt.Errorf("record hand-off: %w", err)
	}
	r := d.Reply(nil)
	r.AuditSeq = seq
	return r, nil
}

// HandBack is what the assistant says when a person hands the
// conversation back to it: who finished (their display name, when they
// have one), and that the assistant is there again.
func HandBack(l lang.Tag, agentName string) string {
	if agentName == "" {
		return catalog.Text(l, "handoff.handback_anon")
	}
	return catalog.Textf(l, "handoff.handback", "name", agentName)
}

// afterHours tells a customer handed to a team outside its office hours
// when to expect a reply, after what the hand-off says.
func (a *Assistant) afterHours(d *Decision) {
	if a.opts.ReplyFrom == nil || d.Kind != decision.Handoff || d.Reason == decision.AwaitingPerson || d.Team == "" {
		return
	}
	next, closed := a.opts.ReplyFrom(d.Team, a.opts.Now())
	if !closed {
		return
	}
	zone, _ := next.Zone()
	when := catalog.Textf(d.Lang, "date.at", "date", catalog.Date(d.Lang, next), "time", next.Format("15:04"), "zone", zone)
	d.Answer = strings.TrimSpace(d.Answer + "\n\n" + catalog.Textf(d.Lang, "handoff.after_hours", "when", when))
	d.ReplyFrom = next
}
