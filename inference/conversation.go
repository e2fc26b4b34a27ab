package inference

import (
	"sync"
	"time"

	"github.com/hushdesk/hushdesk/inference/decision"
	"github.com/hushdesk/hushdesk/redact"
)

// conversation is what the assistant remembers of a live conversation, in
// memory only: the placeholder mapping (which holds the customer's values
// and so must never be stored) and the recent decisions.
type conversation struct {
	mu           sync.Mutex
	placeholders *redact.Placeholders
	abstentions  int // abstentions in a row
	lastSeen     time.Time
}

// conversations holds live conversations and forgets idle ones.
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
			c.mu.Lock()
			if now.Sub(c.lastSeen) > cs.idle {
				delete(cs.m, k)
			}
			c.mu.Unlock()
		}
		cs.sweep = now
	}
	c, ok := cs.m[id]
	if !ok {
		c = &conversation{placeholders: redact.NewPlaceholders()}
		cs.m[id] = c
	}
	c.mu.Lock()
	c.lastSeen = now
	c.mu.Unlock()
	return c
}

// forget drops a conversation, as when its customer erases it.
func (cs *conversations) forget(id string) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	delete(cs.m, id)
}

// abstainedLast reports whether the conversation's last decision was an
// abstention.
func (c *conversation) abstainedLast() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.abstentions > 0
}

// noteDecision remembers the kind of the conversation's last decision.
func (c *conversation) noteDecision(k decision.Kind) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if k == decision.Abstain {
		c.abstentions++
	} else {
		c.abstentions = 0
	}
}
