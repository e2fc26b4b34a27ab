package audit

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// errNoType is returned for an event with no type.
var errNoType = fmt.Errorf("event has no type: %w", ErrInvalid)

// appendReq is one event (or one checkpoint) waiting for the group-commit
// writer.
type appendReq struct {
	env     Envelope
	envJSON []byte
	kid     string
	sealed  []byte
	done    chan appendResult

	// assign is set when this event is the first sealed with a key: the
	// writer records that the key belongs to owner since assigned.
	assign   *dataKey
	owner    string
	assigned time.Time

	// checkpoint asks the writer to sign the chain as it stands at this
	// point of the batch, instead of writing an event.
	checkpoint bool
	// check runs in the writer's transaction before the event is written;
	// an error rejects this event alone. It may change env. It must not
	// write.
	check func(tx *bolt.Tx, env *Envelope) error
	// apply runs in the same transaction after the event is written, so
	// that state and its record commit together.
	apply func(tx *bolt.Tx, seq uint64) error
	// committed runs in the writer once the transaction has committed,
	// before the caller is answered.
	committed func(seq uint64)
}

type appendResult struct {
	seq uint64
	cp  Checkpoint
	err error
}

// appendOpts are the extras of internal appends.
type appendOpts struct {
	owner     string // seal content under this owner's key instead of the envelope's
	check     func(tx *bolt.Tx, env *Envelope) error
	apply     func(tx *bolt.Tx, seq uint64) error
	committed func(seq uint64)
}

// Append writes one event and returns its sequence number once it is
// durable on disk.
func (s *Store) Append(ctx context.Context, env Envelope, content *Content) (uint64, error) {
	return s.append(ctx, env, content, appendOpts{})
}

func (s *Store) append(ctx context.Context, env Envelope, content *Content, o appendOpts) (uint64, error) {
	if env.Type == "" {
		return 0, errNoType
	}
	if !validID(env.Subject) || !validID(env.Conversation) {
		return 0, invalid("subject and conversation must be pseudonyms")
	}
	if env.Time.IsZero() {
		env.Time = s.now().UTC()
	}
	if s.opts.ReadOnly {
		return 0, ErrReadOnly
	}
	req := &appendReq{env: env, check: o.check, apply: o.apply, committed: o.committed}
	if err := s.prepare(req, content, o.owner); err != nil {
		return 0, err
	}
	res, err := s.submit(ctx, req)
	if err != nil {
		return 0, err
	}
	return res.seq, res.err
}

// submit hands a request to the writer and waits for its answer.
func (s *Store) submit(ctx context.Context, req *appendReq) (appendResult, error) {
	req.done = make(chan appendResult, 1)
	s.mu.RLock()
	if s.closed || s.reqs == nil {
		s.mu.RUnlock()
		if s.opts.ReadOnly {
			return appendResult{}, ErrReadOnly
		}
		return appendResult{}, ErrClosed
	}
	select {
	case s.reqs <- req:
	case <-ctx.Done():
		s.mu.RUnlock()
		return appendResult{}, fmt.Errorf("append: %w", ctx.Err())
	}
	s.mu.RUnlock()
	// Once queued the event will be written; wait for the truth rather
	// than give up on ctx, so the caller never reports a written event as
	// lost.
	return <-req.done, nil
}

// prepare does the per-event work that needs no ordering (encoding and
// encryption) in the caller's goroutine, so the writer only chains and
// writes.
func (s *Store) prepare(req *appendReq, content *Content, owner string) error {
	var err error
	if req.envJSON, err = json.Marshal(&req.env); err != nil {
		return fmt.Errorf("encode envelope: %w", err)
	}
	if content.empty() {
		return nil
	}
	if s.keys == nil {
		return ErrReadOnly
	}
	if owner == "" {
		owner = keyOwner(&req.env)
	}
	k, err := s.sealingKey(owner)
	if err != nil {
		return fmt.Errorf("content key: %w", err)
	}
	req.kid = k.kid
	plain, err := json.Marshal(content)
	if err != nil {
		return fmt.Errorf("encode content: %w", err)
	}
	if req.sealed, err = seal(k.aead, req.kid, plain); err != nil {
		return err
	}
	s.keys.mu.Lock()
	if !k.recorded {
		req.assign, req.owner, req.assigned = k, k.owner, k.assigned
	}
	s.keys.mu.Unlock()
	return nil
}

// appender is the single writer. It takes every request waiting, writes
// them in one transaction (one fsync), and only then answers the callers.
// While a transaction commits, the next batch gathers in the channel. On
// its timer it signs a checkpoint when events arrived since the last one.
func (s *Store) appender() {
	defer close(s.done)
	var tick <-chan time.Time
	if s.opts.CheckpointInterval > 0 {
		t := time.NewTicker(s.opts.CheckpointInterval)
		defer t.Stop()
		tick = t.C
	}
	batch := make([]*appendReq, 0, s.max)
	for {
		select {
		case first, ok := <-s.reqs:
			if !ok {
				return
			}
			batch = append(batch[:0], first)
		gather:
			for len(batch) < s.max {
				select {
				case r, ok := <-s.reqs:
					if !ok {
						break gather
					}
					batch = append(batch, r)
				default:
					break gather
				}
			}
			s.commit(batch, false)
		case <-tick:
			if s.headSeq > s.cpEventSeq { // only this goroutine writes either
				s.commit(nil, true)
			}
		}
	}
}

// commit writes one batch: the events, their index entries, the
// assignments of keys they are the first to use, and any checkpoint due,
// in one transaction. Keys are in the key file before they are used.
func (s *Store) commit(batch []*appendReq, tick bool) {
	results := make([]appendResult, len(batch))
	fail := func(err error) {
		s.log.Error("audit append failed", "events", len(batch), "err", err)
		for _, r := range batch {
			r.done <- appendResult{err: err}
		}
	}
	w := s.writer()
	err := s.db.Update(func(tx *bolt.Tx) error {
		w.begin(tx)
		if w.due() { // a checkpoint already owed when the store was opened
			if _, err := w.checkpoint(); err != nil {
				return err
			}
		}
		for i, r := range batch {
			res, err := w.request(r)
			if err != nil {
				return err
			}
			results[i] = res
		}
		if tick && w.seq > w.cpEventSeq && s.signer != nil {
			if _, err := w.checkpoint(); err != nil {
				return err
			}
		}
		return w.finish()
	})
	if err != nil {
		fail(fmt.Errorf("write %d events: %w", len(batch), err))
		return
	}
	s.adopt(&w)
	s.keys.mu.Lock()
	for i, r := range batch {
		if r.assign != nil && results[i].err == nil {
			r.assign.recorded = true
		}
	}
	s.keys.mu.Unlock()
	for i, r := range batch {
		if r.committed != nil && results[i].err == nil {
			r.committed(results[i].seq)
		}
		r.done <- results[i]
	}
}
