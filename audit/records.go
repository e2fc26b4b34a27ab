package audit

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The records made from the log that both backends keep the same way: the
// agent queue, legal holds, data-subject requests, canned responses and
// console settings. Each changes only with its event, in the transaction
// that writes the event, by the code in this package whichever backend
// holds them: the embedded store keeps them in bbolt buckets of audit.db,
// audit/pgstore in rows of one table. So there is one implementation of
// what an event does to them, as it is appended and when the log is
// replayed.

// Names of the buckets Records keep.
const (
	projHandoffs      = "handoffs"
	projHandoffByConv = "handoffs_by_conversation" // conversation -> its open hand-off
	projHolds         = "holds"
	projRequests      = "requests"
	projCanned        = "canned"
	projSettings      = "settings"
)

// Buckets is one transaction's view of the records: named buckets of keys
// and values. A value read is valid until the transaction ends.
type Buckets interface {
	Get(bucket, key string) ([]byte, error)
	Put(bucket, key string, value []byte) error
	Delete(bucket, key string) error
	// ForEach calls fn for every key of bucket, in key order.
	ForEach(bucket string, fn func(key string, value []byte) error) error
}

// Change is what an event does to the records besides being written: Check
// runs in the writer's transaction before the event is written (an error
// rejects this event alone; it may change env, and must not write), Apply
// after it, in the same transaction, and Committed once the transaction
// has committed. Owner, when set, names the key the content is sealed
// under instead of the envelope's.
type Change struct {
	Owner     string
	Check     func(b Buckets, env *Envelope) error
	Apply     func(b Buckets, seq uint64) error
	Committed func(seq uint64)
}

// Backend is what Records need of a store of the log.
type Backend interface {
	// View runs fn on a consistent view of the records.
	View(ctx context.Context, fn func(Buckets) error) error
	// AppendChange appends an event with its change to the records, and
	// returns once both are durable.
	AppendChange(ctx context.Context, env Envelope, content *Content, c Change) (uint64, error)
	// Event reads one event with its content, when its key lives.
	Event(ctx context.Context, seq uint64) (Event, error)
	Conversation(ctx context.Context, ref string) ([]Event, error)
	Subject(ctx context.Context, pseudonym string) ([]Event, error)
	Scan(ctx context.Context, f Filter, content bool, fn func(Event) error) error
	Fingerprint() string
}

// RecordsOptions configure Records.
type RecordsOptions struct {
	ReadOnly bool
	// Statement is what a subject export tells the subject.
	Statement Statement
	Now       func() time.Time
	Logger    *slog.Logger
}

// Records keep the agent queue, legal holds, data-subject requests, canned
// responses and console settings of a log. They are safe for concurrent
// use.
type Records struct {
	b    Backend
	opts RecordsOptions
	log  *slog.Logger
}

// NewRecords returns the records a backend keeps.
func NewRecords(b Backend, o RecordsOptions) *Records {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return &Records{b: b, opts: o, log: o.Logger}
}

func (rs *Records) now() time.Time { return rs.opts.Now() }

func (rs *Records) writable() error {
	if rs.opts.ReadOnly {
		return ErrReadOnly
	}
	return nil
}

func (rs *Records) append(ctx context.Context, env Envelope, content *Content, c Change) (uint64, error) {
	return rs.b.AppendChange(ctx, env, content, c)
}

// boltBuckets are the records in audit.db.
type boltBuckets struct{ tx *bolt.Tx }

func (b boltBuckets) Get(bucket, key string) ([]byte, error) {
	bk := b.tx.Bucket([]byte(bucket))
	if bk == nil { // a store from before this bucket, opened read-only
		return nil, nil
	}
	return bk.Get([]byte(key)), nil
}

func (b boltBuckets) bucket(name string) (*bolt.Bucket, error) {
	bk := b.tx.Bucket([]byte(name))
	if bk == nil {
		return nil, fmt.Errorf("no bucket %s", name)
	}
	return bk, nil
}

func (b boltBuckets) Put(bucket, key string, value []byte) error {
	bk, err := b.bucket(bucket)
	if err != nil {
		return err
	}
	return bk.Put([]byte(key), value)
}

func (b boltBuckets) Delete(bucket, key string) error {
	bk, err := b.bucket(bucket)
	if err != nil {
		return err
	}
	return bk.Delete([]byte(key))
}

func (b boltBuckets) ForEach(bucket string, fn func(key string, value []byte) error) error {
	bk := b.tx.Bucket([]byte(bucket))
	if bk == nil {
		return nil
	}
	return bk.ForEach(func(k, v []byte) error { return fn(string(k), v) })
}

// embedded is the embedded store as the backend of its records.
type embedded struct{ s *Store }

var _ Backend = embedded{}

func (e embedded) View(ctx context.Context, fn func(Buckets) error) error {
	return e.s.db.View(func(tx *bolt.Tx) error { return fn(boltBuckets{tx}) })
}

func (e embedded) AppendChange(ctx context.Context, env Envelope, content *Content, c Change) (uint64, error) {
	o := appendOpts{owner: c.Owner, committed: c.Committed}
	if c.Check != nil {
		o.check = func(tx *bolt.Tx, env *Envelope) error { return c.Check(boltBuckets{tx}, env) }
	}
	if c.Apply != nil {
		o.apply = func(tx *bolt.Tx, seq uint64) error { return c.Apply(boltBuckets{tx}, seq) }
	}
	return e.s.append(ctx, env, content, o)
}

func (e embedded) Event(ctx context.Context, seq uint64) (Event, error) {
	ev, err := e.s.event(seq)
	if err != nil {
		return ev, err
	}
	e.s.decrypt(&ev)
	return ev, nil
}

func (e embedded) Conversation(ctx context.Context, ref string) ([]Event, error) {
	return e.s.Conversation(ctx, ref)
}

func (e embedded) Subject(ctx context.Context, pseudonym string) ([]Event, error) {
	return e.s.Subject(ctx, pseudonym)
}

func (e embedded) Scan(ctx context.Context, f Filter, content bool, fn func(Event) error) error {
	return e.s.Scan(ctx, f, content, fn)
}

func (e embedded) Fingerprint() string { return e.s.Fingerprint() }

// ProjectDecision is what a decision event does to the agent queue: a
// hand-off opens one, and a message in a conversation with an open one
// joins it. A backend calls it for every event it writes, in the
// event's transaction.
func ProjectDecision(b Buckets, env *Envelope, seq uint64) error { return projectDecision(b, env, seq) }

// ForgetHandoffs is what an erasure does to the agent queue: the
// hand-offs of the erased conversations, or of the erased subject, go.
func ForgetHandoffs(b Buckets, convs map[string]bool, subject string) error {
	return forgetHandoffs(b, convs, subject)
}
