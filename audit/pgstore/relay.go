package pgstore

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// relayChannel is the NOTIFY channel of live messages.
const relayChannel = "hushdesk_relay"

// relayKeep is how long a live message stays in relay_messages for a
// replica that missed its notification; a customer who was away longer
// reads the transcript from the log.
const relayKeep = 10 * time.Minute

// Relay carries live messages between the replicas sharing the store:
// what one publishes on a topic, every subscriber of that topic on every
// replica receives, this one included. Messages are sealed under a key
// derived from the master key, kept in relay_messages for relayKeep, and
// announced with NOTIFY; a replica whose listening connection drops reads
// what it missed from the table when it listens again.
type Relay struct {
	s *Store

	mu      sync.Mutex
	subs    map[string]map[chan []byte]struct{}
	started bool
	seen    map[int64]bool // ids delivered, above low
	low     int64

	// listening is closed once the listener has taken its starting
	// point: a message published after that reaches the subscribers.
	listening     chan struct{}
	listeningOnce sync.Once
}

// relayStartWait bounds how long a first subscription waits for the
// listener to take its starting point.
const relayStartWait = 5 * time.Second

// Relay returns the store's relay; its listener starts with the first
// subscription and stops when the store closes.
func (s *Store) Relay() *Relay {
	s.relayOnce.Do(func() {
		s.relay = &Relay{s: s, subs: map[string]map[chan []byte]struct{}{}, seen: map[int64]bool{}, listening: make(chan struct{})}
	})
	return s.relay
}

func relayLabel(topic string) string { return "hushdesk relay\x00" + topic }

// Publish seals payload and sends it to every subscriber of topic.
func (r *Relay) Publish(ctx context.Context, topic string, payload []byte) error {
	sealed, err := r.s.keys.WrapSecret(relayLabel(topic), payload)
	if err != nil {
		return err
	}
	return pgx.BeginFunc(ctx, r.s.pool, func(tx pgx.Tx) error {
		var id int64
		if err := tx.QueryRow(ctx, `INSERT INTO relay_messages (topic, sealed) VALUES ($1, $2) RETURNING id`, topic, sealed).Scan(&id); err != nil {
			return fmt.Errorf("relay: %w", err)
		}
		if id%64 == 0 {
			if _, err := tx.Exec(ctx, `DELETE FROM relay_messages WHERE created < now() - $1::interval`, relayKeep.String()); err != nil {
				return err
			}
		}
		_, err := tx.Exec(ctx, `SELECT pg_notify($1, $2)`, relayChannel, strconv.FormatInt(id, 10))
		return err
	})
}

// Subscribe returns a channel of topic's messages and a function that
// ends the subscription. A subscriber too slow to take a message misses it.
// The first subscription starts the listener and waits (up to
// relayStartWait) until it listens, so that a message published once
// Subscribe has returned is not taken for one from before it.
func (r *Relay) Subscribe(topic string) (<-chan []byte, func()) {
	ch := make(chan []byte, 32)
	r.mu.Lock()
	if r.subs[topic] == nil {
		r.subs[topic] = map[chan []byte]struct{}{}
	}
	r.subs[topic][ch] = struct{}{}
	start := !r.started && r.s.jobCtx != nil // a read-only store has no listener
	r.started = r.started || start
	listener := r.started
	r.mu.Unlock()
	if start {
		r.s.jobs.Add(1)
		go r.listen()
	}
	if listener {
		select {
		case <-r.listening:
		case <-time.After(relayStartWait):
		}
	}
	return ch, func() {
		r.mu.Lock()
		delete(r.subs[topic], ch)
		if len(r.subs[topic]) == 0 {
			delete(r.subs, topic)
		}
		r.mu.Unlock()
	}
}

func (r *Relay) listen() {
	defer r.s.jobs.Done()
	ctx := r.s.jobCtx
	var from int64 = -1
	for ctx.Err() == nil {
		from = r.listenOnce(ctx, from)
		select {
		case <-ctx.Done():
			return
		case <-time.After(500 * time.Millisecond):
		}
	}
}

// listenOnce listens on one connection, delivering what was published
// after from (-1: from now on); it returns where to go on from.
func (r *Relay) listenOnce(ctx context.Context, from int64) int64 {
	conn, err := r.s.pool.Acquire(ctx)
	if err != nil {
		return from
	}
	defer func() {
		conn.Conn().Close(context.Background())
		conn.Release()
	}()
	if _, err := conn.Exec(ctx, "LISTEN "+relayChannel); err != nil {
		return from
	}
	if from < 0 {
		if err := conn.QueryRow(ctx, `SELECT coalesce(max(id), 0) FROM relay_messages`).Scan(&from); err != nil {
			return -1
		}
		r.mu.Lock()
		r.low = from
		r.mu.Unlock()
	}
	r.listeningOnce.Do(func() { close(r.listening) })
	r.catchUp(ctx, conn.Conn()) // what was missed while not listening
	for {
		if _, err := conn.Conn().WaitForNotification(ctx); err != nil {
			return from
		}
		r.catchUp(ctx, conn.Conn())
	}
}

// catchUp delivers every message not yet delivered. Ids may commit out
// of order, so it looks back a little below the highest id seen.
func (r *Relay) catchUp(ctx context.Context, c *pgx.Conn) {
	r.mu.Lock()
	low := r.low
	r.mu.Unlock()
	rows, err := c.Query(ctx, `SELECT id, topic, sealed FROM relay_messages WHERE id > $1 ORDER BY id`, low)
	if err != nil {
		return
	}
	type msg struct {
		id     int64
		topic  string
		sealed []byte
	}
	var msgs []msg
	for rows.Next() {
		var m msg
		if rows.Scan(&m.id, &m.topic, &m.sealed) == nil {
			msgs = append(msgs, m)
		}
	}
	rows.Close()
	r.mu.Lock()
	defer r.mu.Unlock()
	var top int64
	for _, m := range msgs {
		top = max(top, m.id)
		if r.seen[m.id] {
			continue
		}
		r.seen[m.id] = true
		payload, err := r.s.keys.UnwrapSecret(relayLabel(m.topic), m.sealed)
		if err != nil {
			r.s.log.Warn("relay message does not open", "id", m.id, "err", err)
			continue
		}
		for ch := range r.subs[m.topic] {
			select {
			case ch <- payload:
			default:
			}
		}
	}
	// Keep the ids of the last thousand messages: one that commits later
	// than a higher id is still found.
	if top-1000 > r.low {
		r.low = top - 1000
		for id := range r.seen {
			if id <= r.low {
				delete(r.seen, id)
			}
		}
	}
}
