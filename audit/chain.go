package audit

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// chainWriter appends events to the log inside one write transaction,
// keeping the head as it goes.
type chainWriter struct {
	s          *Store
	tx         *bolt.Tx
	events     *bolt.Bucket
	byConv     *bolt.Bucket
	byMessage  *bolt.Bucket
	bySubj     *bolt.Bucket
	hasher     *chainHasher
	seq        uint64
	head       [32]byte
	cpEventSeq uint64
	dueAt      uint64       // see Store.dueAt
	every      uint64       // the cadence the next checkpoint promises
	made       []Checkpoint // signed in this transaction
}

// writer starts a chainWriter from the store's state. Only the appender
// goroutine (or Open, before it starts) calls it.
func (s *Store) writer() chainWriter {
	s.headMu.Lock()
	defer s.headMu.Unlock()
	return chainWriter{s: s, hasher: s.hasher, seq: s.headSeq, head: s.headHash,
		cpEventSeq: s.cpEventSeq, dueAt: s.dueAt, every: s.opts.cadence()}
}

// adopt takes the state of a writer whose transaction committed.
func (s *Store) adopt(w *chainWriter) {
	s.headMu.Lock()
	s.headSeq, s.headHash = w.seq, w.head
	s.headMu.Unlock()
	s.cpEventSeq, s.dueAt = w.cpEventSeq, w.dueAt
	s.anchors.push(w.made...)
}

// due reports whether a checkpoint must be signed before another event.
func (w *chainWriter) due() bool { return w.dueAt > 0 && w.seq >= w.dueAt }

func (w *chainWriter) begin(tx *bolt.Tx) {
	w.tx = tx
	w.events = tx.Bucket(bucketEvents)
	w.events.FillPercent = 1 // keys only ever grow
	w.byConv = tx.Bucket(bucketByConv)
	w.byMessage = tx.Bucket(bucketByMessage)
	w.bySubj = tx.Bucket(bucketBySubject)
}

// request handles one request of a batch. A check's verdict comes back in
// the result; a returned error fails the whole transaction.
func (w *chainWriter) request(r *appendReq) (appendResult, error) {
	if r.checkpoint {
		cp, err := w.checkpoint()
		return appendResult{seq: cp.Seq, cp: cp}, err
	}
	if r.check != nil {
		if err := r.check(w.tx, &r.env); err != nil {
			return appendResult{err: err}, nil
		}
		var err error
		if r.envJSON, err = json.Marshal(&r.env); err != nil {
			return appendResult{err: fmt.Errorf("encode envelope: %w", err)}, nil
		}
	}
	seq, err := w.put(&r.env, r.envJSON, r.kid, r.sealed)
	if err != nil {
		return appendResult{}, err
	}
	if r.assign != nil {
		at := binary.BigEndian.AppendUint64(nil, uint64(r.assigned.UnixNano()))
		if err := w.tx.Bucket(bucketKeyOwners).Put(assignmentKey(r.owner, r.kid), at); err != nil {
			return appendResult{}, fmt.Errorf("record key owner: %w", err)
		}
	}
	if r.apply != nil {
		if err := r.apply(w.tx, seq); err != nil {
			return appendResult{}, err
		}
	}
	if w.due() {
		if _, err := w.checkpoint(); err != nil {
			return appendResult{}, err
		}
	}
	return appendResult{seq: seq}, nil
}

// put chains and writes one event and its index entries.
func (w *chainWriter) put(env *Envelope, envJSON []byte, kid string, sealed []byte) (uint64, error) {
	w.seq++
	rec := record{version: recordV2, prev: w.head, kid: kid, env: envJSON, sealed: sealed}
	var err error
	if rec.hash, err = w.hasher.sum(rec.version, w.seq, &rec.prev, rec.kid, rec.env, rec.sealed); err != nil {
		return 0, err
	}
	if err := w.events.Put(seqKey(w.seq), rec.marshal()); err != nil {
		return 0, fmt.Errorf("put event: %w", err)
	}
	if err := indexEvent(w.tx, w.byConv, w.bySubj, w.byMessage, env, w.seq); err != nil {
		return 0, err
	}
	w.head = rec.hash
	return w.seq, nil
}

// indexEvent files an event in the conversation, subject and message
// indexes and in the agent queue, as it is appended and when the indexes
// are rebuilt from the log.
func indexEvent(tx *bolt.Tx, byConv, bySubj, byMessage *bolt.Bucket, env *Envelope, seq uint64) error {
	if administrative(env.Type) {
		return nil
	}
	if env.Conversation != "" {
		if err := byConv.Put(indexKey(env.Conversation, seq), nil); err != nil {
			return fmt.Errorf("index conversation: %w", err)
		}
	}
	if env.Subject != "" {
		if err := bySubj.Put(indexKey(env.Subject, seq), nil); err != nil {
			return fmt.Errorf("index subject: %w", err)
		}
	}
	if env.Type == TypeDecision && env.Message != "" {
		if err := byMessage.Put([]byte(env.Message), seqKey(seq)); err != nil {
			return fmt.Errorf("index message: %w", err)
		}
	}
	if err := projectDecision(boltBuckets{tx}, env, seq); err != nil {
		return fmt.Errorf("project hand-off: %w", err)
	}
	return nil
}

// finish records the head.
func (w *chainWriter) finish() error {
	meta := w.tx.Bucket(bucketMeta)
	if err := meta.Put(metaHeadSeq, binary.BigEndian.AppendUint64(nil, w.seq)); err != nil {
		return err
	}
	return meta.Put(metaHeadHash, w.head[:])
}

func indexKey(id string, seq uint64) []byte {
	k := make([]byte, 0, len(id)+9)
	k = append(k, id...)
	k = append(k, 0)
	return binary.BigEndian.AppendUint64(k, seq)
}

func indexPrefix(id string) []byte { return append([]byte(id), 0) }

// seqsFor returns the sequence numbers an index bucket lists for id.
func seqsFor(tx *bolt.Tx, bucket []byte, id string) []uint64 {
	var out []uint64
	p := indexPrefix(id)
	c := tx.Bucket(bucket).Cursor()
	for k, _ := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, _ = c.Next() {
		out = append(out, binary.BigEndian.Uint64(k[len(p):]))
	}
	return out
}

// unindex removes every index entry of id and returns the sequence
// numbers it listed.
func unindex(tx *bolt.Tx, bucket []byte, id string) ([]uint64, error) {
	seqs := seqsFor(tx, bucket, id)
	b := tx.Bucket(bucket)
	for _, seq := range seqs {
		if err := b.Delete(indexKey(id, seq)); err != nil {
			return nil, fmt.Errorf("unindex %d: %w", seq, err)
		}
	}
	return seqs, nil
}
