package inference

import (
	"sync"
	"time"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference/decision"
	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/redact"
)

// conversation is what the assistant holds of a live conversation in
// memory: its placeholder mapping, rebuilt from the log whenever the log
// holds events the mapping has not seen (after a restart, or a message
// another replica answered). Its lock makes one message of a
// conversation wait for the one before it.
type conversation struct {
	mu           sync.Mutex
	placeholders *redact.Placeholders
	seen         uint64 // the last event whose placeholders are in the mapping
	lastSeen     time.Time
}

// sync adds to the mapping the placeholders of the events it has not
// seen.
func (c *conversation) sync(evs []audit.Event) {
	for _, e := range evs {
		if e.Seq <= c.seen {
			continue
		}
		c.seen = e.Seq
		addPlaceholders(c.placeholders, e)
	}
}

// PlaceholdersOf is a conversation's placeholder mapping as its events
// built it: the same value keeps its label across the customer's
// messages and the agents' replies.
func PlaceholdersOf(evs []audit.Event) *redact.Placeholders {
	ph := redact.NewPlaceholders()
	for _, e := range evs {
		addPlaceholders(ph, e)
	}
	return ph
}

func addPlaceholders(ph *redact.Placeholders, e audit.Event) {
	if e.Content == nil {
		return
	}
	for _, p := range e.Content.Placeholders {
		ph.Add(redact.Entry{Label: p.Label, Type: redact.Type(p.Type), Canon: p.Canon, Value: p.Value})
	}
}

// Stored is what the log keeps of the values a text added to a
// conversation's mapping.
func Stored(entries []redact.Entry) []audit.Placeholder {
	var out []audit.Placeholder
	for _, e := range entries {
		out = append(out, audit.Placeholder{Label: e.Label, Type: string(e.Type), Canon: e.Canon, Value: e.Value})
	}
	return out
}

// conversations holds live conversations and forgets idle ones; what they
// hold is in the log, so forgetting loses nothing.
type conversations struct {
	mu   sync.Mutex
	m    map[string]*conversation
	idle time.Duration
	now  func() time.Time
	// sweep is when idle conversations were last forgotten.
	sweep time.Time
}

func newConversations(idle time.Duration, now func() time.Time) *conversations {
	return &conversations{m: make(map[string]*conversation), idle: idle, now: now, sweep: now()}
}

// get returns the conversation for an id, starting one when unknown.
func (cs *conversations) get(id string) *conversation {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	now := cs.now()
	if now.Sub(cs.sweep) > cs.idle/4 {
		for k, c := range cs.m {
			if c.mu.TryLock() {
				if now.Sub(c.lastSeen) > cs.idle {
					delete(cs.m, k)
				}
				c.mu.Unlock()
			}
		}
		cs.sweep = now
	}
	c, ok := cs.m[id]
	if !ok {
		c = &conversation{placeholders: redact.NewPlaceholders()}
		cs.m[id] = c
	}
	c.lastSeen = now
	return c
}

// forget drops a conversation, as when its customer erases it.
func (cs *conversations) forget(id string) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	delete(cs.m, id)
}

// turn is one earlier message of a conversation as the assistant reads
// it: the customer's message and what was decided, or an agent's reply.
type turn struct {
	message    string
	kind       decision.Kind
	reason     decision.Reason
	lang       lang.Tag
	question   string // redacted
	standalone string // the question as searched, for a follow-up
	answer     string // redacted
	sources    []audit.Source
	agent      bool // a person's reply in a hand-off
	handback   bool // the person finished and handed the conversation back
	// request is the data-subject request the message made.
	request *RequestRef
	// confidence is the retrieval confidence the turn was answered with.
	confidence float64
}

// thread is the conversation so far, oldest first.
type thread []turn

// threadOf reads a conversation's events: its decisions and agents'
// replies.
func threadOf(evs []audit.Event) thread {
	var th thread
	for _, e := range evs {
		var t turn
		switch e.Type {
		case audit.TypeDecision:
			t = turn{message: e.Message, kind: decision.Kind(e.Decision), reason: decision.Reason(e.ReasonCode),
				lang: lang.Tag(e.Language), sources: e.Sources, request: requestOf(e.Attrs), confidence: e.Scores["retrieval_confidence"]}
		case audit.TypeAgentReply:
			t = turn{message: e.Message, agent: true}
		case audit.TypeHandoff, audit.TypeHandback:
			if e.Type == audit.TypeHandoff && e.Attrs["action"] != "resolved" {
				continue
			}
			t = turn{handback: true}
		default:
			continue
		}
		if e.Content != nil {
			t.question, t.answer, t.standalone = e.Content.Question, e.Content.Answer, e.Content.Standalone
			if t.agent {
				t.answer = e.Content.Text
			}
		}
		th = append(th, t)
	}
	return th
}

// last returns the last turn.
func (th thread) last() (turn, bool) {
	if len(th) == 0 {
		return turn{}, false
	}
	return th[len(th)-1], true
}

// assistantLast returns the last turn when it is the assistant's own (not
// a person's reply, not a hand-back).
func (th thread) assistantLast() (turn, bool) {
	t, ok := th.last()
	return t, ok && !t.agent && !t.handback
}

// offerPending reports whether the assistant's last message offered a
// person (an abstention does), so a "yes" or a "no" answers it.
func (th thread) offerPending() bool {
	t, ok := th.assistantLast()
	return ok && t.kind == decision.Abstain && t.reason != decision.PromptInjection
}

// tentativeLast reports whether the assistant's last message was a
// tentative answer, which offers a person if it does not help.
func (th thread) tentativeLast() bool {
	t, ok := th.assistantLast()
	return ok && t.kind == decision.Answer && t.reason == decision.Tentative
}

// answeredLast reports whether the assistant's last message answered a
// question, after which the customer is asked whether it solved their
// problem: a bare "no thanks" or "不用了" replies to that.
func (th thread) answeredLast() bool {
	t, ok := th.assistantLast()
	return ok && t.kind == decision.Answer &&
		t.reason != decision.Smalltalk && t.reason != decision.OfferDeclined
}

// clarifiedLast returns the assistant's last turn when it asked back
// what a vague message meant: the next message says it.
func (th thread) clarifiedLast() (turn, bool) {
	t, ok := th.assistantLast()
	return t, ok && t.kind == decision.Clarify && t.reason == decision.Vague
}

// abstainedLast reports whether the last turn was an abstention: a second
// one in a row hands off.
func (th thread) abstainedLast() bool {
	t, ok := th.assistantLast()
	return ok && t.kind == decision.Abstain
}

// topic returns the last turn that was about something: an answer or a
// question asked back, with its sources. Small talk and declined offers
// are passed over.
func (th thread) topic() (turn, bool) {
	for i := len(th) - 1; i >= 0; i-- {
		t := th[i]
		switch {
		case t.handback:
			return turn{}, false // what the person handled is closed
		case t.agent, t.reason == decision.Smalltalk, t.reason == decision.OfferDeclined:
			continue
		case t.kind == decision.Answer && len(t.sources) > 0:
			return t, true
		}
		return turn{}, false
	}
	return turn{}, false
}

// held reports whether the last thing that happened was a person taking
// part.
func (th thread) held() bool {
	t, ok := th.last()
	return ok && t.agent
}

// requestOf reads the data-subject request a decision logged from its
// attributes.
func requestOf(attrs map[string]string) *RequestRef {
	id := attrs["request_id"]
	if id == "" {
		return nil
	}
	deadline, _ := time.Parse(time.RFC3339, attrs["request_deadline"])
	return &RequestRef{ID: id, Kind: attrs["request_kind"], Deadline: deadline}
}

// request returns the data-subject request of a kind the conversation
// already made.
func (th thread) request(kind string) (RequestRef, bool) {
	for _, t := range th {
		if t.request != nil && t.request.Kind == kind {
			return *t.request, true
		}
	}
	return RequestRef{}, false
}
