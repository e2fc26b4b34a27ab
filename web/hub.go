package web

import "sync"

// hubEvent is a server-sent event for a customer's conversation.
type hubEvent struct {
	Name string
	Data any
}

// hub delivers agent replies and hand-off changes to the customers
// watching their conversations (GET /api/v1/conversations/{id}/events).
// It is in memory: a customer who was not connected reads the transcript.
type hub struct {
	mu   sync.Mutex
	subs map[string]map[chan hubEvent]struct{} // conversation ref -> subscribers
}

func newHub() *hub { return &hub{subs: make(map[string]map[chan hubEvent]struct{})} }

// subscribe returns a channel of the conversation's events and a function
// that ends the subscription.
func (h *hub) subscribe(ref string) (<-chan hubEvent, func()) {
	ch := make(chan hubEvent, 32)
	h.mu.Lock()
	if h.subs[ref] == nil {
		h.subs[ref] = make(map[chan hubEvent]struct{})
	}
	h.subs[ref][ch] = struct{}{}
	h.mu.Unlock()
	return ch, func() {
		h.mu.Lock()
		delete(h.subs[ref], ch)
		if len(h.subs[ref]) == 0 {
			delete(h.subs, ref)
		}
		h.mu.Unlock()
	}
}

// publish sends ev to every subscriber of the conversation; a subscriber
// too slow to take it misses it (and finds it in the transcript).
func (h *hub) publish(ref string, ev hubEvent) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs[ref] {
		select {
		case ch <- ev:
		default:
		}
	}
}

// watchers reports how many subscribers a conversation has.
func (h *hub) watchers(ref string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs[ref])
}
