package web

import (
	"context"
	"encoding/json"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
)

// Relay carries live events between the replicas of a shared store: what
// one replica publishes on a topic reaches every subscriber of it on every
// replica, this one included. Options.Relay; nil keeps events in this
// process.
type Relay interface {
	Publish(ctx context.Context, topic string, payload []byte) error
	Subscribe(topic string) (<-chan []byte, func())
}

// hubEvent is a server-sent event for a customer's conversation.
type hubEvent struct {
	Name string
	Data any
}

// hub delivers agent replies and hand-off changes to the customers
// watching their conversations (GET /api/v1/conversations/{id}/events).
// It is in memory, or goes through the relay when there is one, so that
// a customer connected to another replica gets the event too; a customer
// who was not connected reads the transcript.
type hub struct {
	mu    sync.Mutex
	subs  map[string]map[chan hubEvent]struct{} // conversation ref -> subscribers
	relay Relay
}

func newHub(relay Relay) *hub {
	return &hub{subs: make(map[string]map[chan hubEvent]struct{}), relay: relay}
}

// relayed is a hub event as the relay carries it.
type relayed struct {
	Name string          `json:"name"`
	Data json.RawMessage `json:"data"`
}

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
	stopRelay := func() {}
	if h.relay != nil {
		in, stop := h.relay.Subscribe(ref)
		done := make(chan struct{})
		go func() {
			for {
				select {
				case <-done:
					return
				case b := <-in:
					var r relayed
					if json.Unmarshal(b, &r) == nil {
						select {
						case ch <- hubEvent{Name: r.Name, Data: r.Data}:
						default:
						}
					}
				}
			}
		}()
		stopRelay = func() { stop(); close(done) }
	}
	return ch, func() {
		stopRelay()
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
	if h.relay != nil {
		data, err := json.Marshal(ev.Data)
		if err == nil {
			data, err = json.Marshal(relayed{Name: ev.Name, Data: data})
		}
		if err == nil {
			// A lost event is found in the transcript, as a slow
			// subscriber's is.
			h.relay.Publish(context.Background(), ref, data)
		}
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs[ref] {
		select {
		case ch <- ev:
		default:
		}
	}
}

// watchers reports how many subscribers a conversation has on this
// replica (with a relay, others may have more).
func (h *hub) watchers(ref string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs[ref])
}

// follow sends a subscription's events to a client until it leaves or the
// server shuts down, with a comment line every 20 s to keep the stream
// open through proxies.
func (s *Server) follow(c echo.Context, sse *eventStream, events <-chan hubEvent) error {
	ping := time.NewTicker(20 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-c.Request().Context().Done():
			return nil
		case <-s.closing:
			return nil
		case ev := <-events:
			if sse.send(ev.Name, ev.Data) != nil {
				return nil
			}
		case <-ping.C:
			if _, err := c.Response().Write([]byte(": ping\n\n")); err != nil {
				return nil
			}
			c.Response().Flush()
		}
	}
}
