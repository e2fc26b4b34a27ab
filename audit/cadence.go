package audit

import (
	"bytes"
	"crypto/ed25519"
	"encoding/binary"
	"encoding/json"
	"strconv"

	bolt "go.etcd.io/bbolt"
)

// Checkpoint events are part of the chain, and each keyed one says within
// how many events the next is due (attrs "every"): the writer signs one
// as soon as that many events follow the last, and verification fails on
// a log where one is missing. So checkpoint events cannot be dropped from
// a keyed log unseen. (Cutting off the end of the log, checkpoints and
// all, leaves a valid log: only an outside checkpoint shows that.)

// checkpointEvent decodes a record that may be a checkpoint event. Such
// events have no content and name their type in the envelope, so most
// records are passed over without decoding JSON.
func checkpointEvent(rec *record) (*Envelope, bool) {
	if rec.kid != "" || len(rec.sealed) != 0 || !bytes.Contains(rec.env, []byte(`"checkpoint"`)) {
		return nil, false
	}
	env := new(Envelope)
	if json.Unmarshal(rec.env, env) != nil || env.Type != TypeCheckpoint {
		return nil, false
	}
	return env, true
}

// cadenceOf is the cadence a keyed checkpoint event promises; ok is false
// when it names none that can be read.
func cadenceOf(env *Envelope) (every uint64, ok bool) {
	v, found := env.Attrs["every"]
	if !found {
		return 0, false
	}
	every, err := strconv.ParseUint(v, 10, 64)
	return every, err == nil
}

// dueAfter is the last event that may follow a checkpoint of seq with
// cadence every before the next checkpoint; 0 means none is due.
func dueAfter(seq, every uint64) uint64 {
	if every == 0 {
		return 0
	}
	return seq + every
}

// loadCadence works out, from the chain itself, when the writer must sign
// its next checkpoint: after the cadence promised by the last keyed
// checkpoint event, or by the chain marker when there is none yet. The
// checkpoints bucket only says where to start looking back.
func (s *Store) loadCadence(tx *bolt.Tx) {
	from := s.chain.mark.from
	s.dueAt = dueAfter(from-1, s.chain.mark.every)
	stop := from
	if s.cpEventSeq > stop {
		stop = s.cpEventSeq
	}
	c := tx.Bucket(bucketEvents).Cursor()
	for k, v := c.Last(); k != nil; k, v = c.Prev() {
		seq := binary.BigEndian.Uint64(k)
		if seq < stop {
			break
		}
		rec, err := unmarshalRecord(v)
		if err != nil {
			continue
		}
		if env, ok := checkpointEvent(&rec); ok && rec.version == recordV2 {
			every, _ := cadenceOf(env)
			s.dueAt = dueAfter(seq-1, every)
			return
		}
	}
}

// checkpointEvent checks a checkpoint event of the chain: it covers the
// event before it, with that event's hash, signed by the store's key; a
// keyed one also says when the next is due.
func (c *chainCheck) checkpointEvent(seq uint64, rec *record, env *Envelope) bool {
	cp := Checkpoint{Head: env.Attrs["head"], Time: env.Time, PublicKey: env.Attrs["public_key"], Signature: env.Attrs["signature"]}
	var err error
	if cp.Seq, err = strconv.ParseUint(env.Attrs["seq"], 10, 64); err != nil || cp.Seq != seq-1 {
		c.fail(seq, "checkpoint event %d does not cover the event before it", seq)
		return false
	}
	check := cp.check
	if cp.sameMessage(c.signed) { // the stored copy of this checkpoint, just checked
		check = func() (ed25519.PublicKey, [32]byte, error) {
			pub, head, _, err := cp.decode()
			return pub, head, err
		}
	}
	pub, head, err := check()
	switch {
	case err != nil:
		c.fail(seq, "checkpoint event %d has no valid signature", seq)
		return false
	case !bytes.Equal(pub, c.trusted):
		c.fail(seq, "checkpoint event %d is signed by key %s, not the store's", seq, Fingerprint(pub))
		return false
	case head != rec.prev:
		c.fail(seq, "checkpoint event %d names another head than event %d's", seq, seq-1)
		return false
	}
	if rec.version == recordV2 {
		every, ok := cadenceOf(env)
		if !ok {
			c.fail(seq, "checkpoint event %d says no cadence", seq)
			return false
		}
		c.dueAt = dueAfter(seq-1, every)
	}
	c.res.Checkpoints++
	return true
}
