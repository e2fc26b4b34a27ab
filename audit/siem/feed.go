// Package siem streams the audit log to the customer's SIEM: every
// event's envelope (never its content), with its sequence number and
// chain hash, so that the collector can tell a gap or a changed event.
// Two sinks are provided: RFC 5424 syslog over TLS (RFC 5425 framing)
// and JSON lines POSTed over HTTPS.
//
// Delivery is at least once, from the log: a feed reads the events after
// its cursor (a small file, written durably), sends them, and moves the
// cursor only over events the collector took. While the collector is
// away the feed retries with a growing pause and loses nothing: the log
// is the queue. An event may arrive more than once; the SIEM drops the
// repeats by sequence number.
//
// What "took" means depends on the transport. The HTTPS collector
// answers each request, and a 2xx answer moves the cursor. Syslog over
// TLS has no acknowledgement (RFC 5425 defines none), and a write that
// succeeded only put the events in the kernel's buffers: a collector
// that crashes then loses what it had not read. So the syslog sink is a
// Settler: an event counts as delivered only once the collector's TCP
// acknowledged it (on Linux, where the send queue can be read), it has
// been on the connection for a grace window (Syslog.Grace, 2 s by
// default) and the connection is still open. A goroutine reads the
// connection, on which a collector never writes, so that its close or
// reset is seen at once. When the connection fails or closes with
// events not yet settled, the feed sends again everything after its
// cursor, on a new connection (the resend window, at most a few
// batches). A collector that holds events unread for longer than the
// grace window and then crashes can still lose them; its SIEM sees the
// gap in the sequence numbers.
//
// siem reads the log through the one method it needs (Source, which
// *audit.Store has) and knows nothing else of the project.
package siem

import (
	"context"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference/fault"
)

// Source is the audit log as a feed reads it.
type Source interface {
	Scan(ctx context.Context, f audit.Filter, content bool, fn func(audit.Event) error) error
}

var _ Source = (*audit.Store)(nil)

// Record is what a SIEM receives of one event: the envelope, its
// sequence number and its chain hash. It has no content.
type Record struct {
	Seq  uint64 `json:"seq"`
	Hash string `json:"hash"`
	audit.Envelope
}

// recordOf keeps the envelope of an event and nothing of its content.
func recordOf(e audit.Event) Record { return Record{Seq: e.Seq, Hash: e.Hash, Envelope: e.Envelope} }

// Sink delivers records to a collector. Send returns nil only once the
// collector took the whole batch, unless the sink is also a Settler.
type Sink interface {
	Send(ctx context.Context, batch []Record) error
	// Close ends the sink's connection, if it keeps one.
	Close() error
}

// Settler is a sink whose collector does not acknowledge what it takes
// (syslog over TLS): its Send returns nil once the batch is on the wire,
// and Settled tells later how far the records sent count as delivered.
type Settler interface {
	// Settled returns the last sequence number sent that now counts as
	// delivered (0 when no more did since the last call). It returns an
	// error, wrapping ErrConnectionLost, when records sent and not yet
	// settled may have been lost: the feed then sends again everything
	// after its cursor.
	Settled(ctx context.Context) (uint64, error)
}

// Options configures a Feed.
type Options struct {
	// Source is the log. Required.
	Source Source
	// Sink is the collector. Required.
	Sink Sink
	// Cursor is the file that keeps the last delivered sequence number.
	// Required. Keep it beside the log: a lost cursor starts the feed
	// from the beginning again (duplicates, never a gap).
	Cursor string
	// Batch is the most events sent at once. Default 200.
	Batch int
	// Poll is how often the log is read for new events. Default 1 s.
	Poll time.Duration
	// MinBackoff and MaxBackoff bound the pause after a failed delivery:
	// it starts at MinBackoff and doubles up to MaxBackoff. Defaults 1 s
	// and 1 minute.
	MinBackoff, MaxBackoff time.Duration
	// Name names the feed in the logs ("syslog", "https").
	Name   string
	Logger *slog.Logger
}

func (o Options) withDefaults() Options {
	if o.Batch <= 0 {
		o.Batch = 200
	}
	if o.Poll <= 0 {
		o.Poll = time.Second
	}
	if o.MinBackoff <= 0 {
		o.MinBackoff = time.Second
	}
	if o.MaxBackoff < o.MinBackoff {
		o.MaxBackoff = max(time.Minute, o.MinBackoff)
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Name == "" {
		o.Name = "siem"
	}
	return o
}

// Feed streams the log to one sink.
type Feed struct {
	o         Options
	delivered atomic.Uint64
}

var (
	// ErrNoCursor is returned by New without a cursor file.
	ErrNoCursor = fault.New(fault.Invalid, "siem: a feed needs a cursor file")
	// ErrUnavailable means the collector could not be reached, or did not
	// take a batch.
	ErrUnavailable = fault.New(fault.Unavailable, "siem: the collector is unavailable")
	// ErrConnectionLost means a syslog connection failed or was closed
	// with events on it that had not settled: they are sent again.
	ErrConnectionLost = fault.New(fault.Unavailable, "siem: the connection to the collector was lost")
)

// New returns a feed, reading its cursor.
func New(o Options) (*Feed, error) {
	if o.Source == nil || o.Sink == nil {
		return nil, fmt.Errorf("%w: a feed needs a source and a sink", audit.ErrInvalid)
	}
	if o.Cursor == "" {
		return nil, ErrNoCursor
	}
	f := &Feed{o: o.withDefaults()}
	seq, err := readCursor(o.Cursor)
	if err != nil {
		return nil, err
	}
	f.delivered.Store(seq)
	return f, nil
}

// Delivered is the sequence number of the last event the sink took.
func (f *Feed) Delivered() uint64 { return f.delivered.Load() }

// Run streams until ctx ends, then closes the sink. It returns nil when
// ctx ends and an error only when the cursor cannot be written (the feed
// would otherwise send the same events forever).
//
// With a sink that acknowledges (HTTPS), the cursor moves when Send
// returns nil. With a Settler (syslog), Send only puts a batch on the
// wire: the feed goes on sending after it, at most a few batches ahead,
// and moves the cursor as far as Settled says; when the sink reports a
// lost connection or any error, the feed sends again from the cursor.
func (f *Feed) Run(ctx context.Context) error {
	defer f.o.Sink.Close()
	settler, _ := f.o.Sink.(Settler)
	sent := f.Delivered() // the last sequence number put on the wire
	wait := f.o.MinBackoff
	failing := false
	for {
		var err error
		more := false
		if settler != nil {
			var seq uint64
			seq, err = settler.Settled(ctx)
			if err == nil && seq > f.Delivered() {
				if werr := f.advance(seq, failing); werr != nil {
					return werr
				}
				failing, wait = false, f.o.MinBackoff
			}
		}
		if err == nil && (settler == nil || sent-f.Delivered() < uint64(f.o.Batch*inFlightBatches)) {
			var batch []Record
			batch, err = f.next(ctx, sent)
			if err == nil && len(batch) > 0 {
				err = f.o.Sink.Send(ctx, batch)
				if err == nil {
					sent, more = batch[len(batch)-1].Seq, true
					if settler == nil {
						if werr := f.advance(sent, failing); werr != nil {
							return werr
						}
						failing, wait = false, f.o.MinBackoff
					}
				}
			}
		}
		pause := f.o.Poll
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			// Whatever was sent after the cursor may be lost: send it again.
			resend := sent - f.Delivered()
			sent = f.Delivered()
			f.o.Logger.Warn("could not deliver audit events to the SIEM; retrying", "feed", f.o.Name,
				"after_seq", f.Delivered(), "resend_events", resend, "retry_in", wait.String(), "err", err)
			failing, pause = true, wait
			wait = min(wait*2, f.o.MaxBackoff)
		} else if more {
			continue // there may be more waiting
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(pause):
		}
	}
}

// inFlightBatches bounds how far a feed to a Settler sends ahead of its
// cursor, and so how much it sends again after a lost connection.
const inFlightBatches = 10

// advance moves the cursor, durably, to seq.
func (f *Feed) advance(seq uint64, failing bool) error {
	if err := writeCursor(f.o.Cursor, seq); err != nil {
		return err
	}
	f.delivered.Store(seq)
	if failing {
		f.o.Logger.Info("the SIEM collector takes events again", "feed", f.o.Name, "delivered_seq", seq)
	}
	return nil
}

// next reads the events after seq, at most a batch.
func (f *Feed) next(ctx context.Context, after uint64) ([]Record, error) {
	var batch []Record
	err := f.o.Source.Scan(ctx, audit.Filter{AfterSeq: after, Limit: f.o.Batch}, false, func(e audit.Event) error {
		batch = append(batch, recordOf(e))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the log: %w", err)
	}
	return batch, nil
}
