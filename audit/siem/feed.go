// Package siem streams the audit log to the customer's SIEM: every
// event's envelope (never its content), with its sequence number and
// chain hash, so that the collector can tell a gap or a changed event.
// Two sinks are provided: RFC 5424 syslog over TLS (RFC 5425 framing)
// and JSON lines POSTed over HTTPS.
//
// Delivery is at least once, from the log: a feed reads the events after
// its cursor (a small file, written durably after each delivered batch),
// sends them, and moves the cursor only once the sink took them. While
// the collector is away the feed retries with a growing pause and loses
// nothing: the log is the queue. After a crash a batch may be sent twice;
// the sequence numbers let the SIEM drop the repeats.
//
// siem reads the log through the one method it needs (Source, which
// *audit.Store has) and knows nothing else of the project.
package siem

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/hushdesk/hushdesk/audit"
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
// collector took the whole batch (as far as the transport can tell).
type Sink interface {
	Send(ctx context.Context, batch []Record) error
	// Close ends the sink's connection, if it keeps one.
	Close() error
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

// ErrNoCursor is returned by New without a cursor file.
var ErrNoCursor = errors.New("siem: a feed needs a cursor file")

// New returns a feed, reading its cursor.
func New(o Options) (*Feed, error) {
	if o.Source == nil || o.Sink == nil {
		return nil, errors.New("siem: a feed needs a source and a sink")
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
func (f *Feed) Run(ctx context.Context) error {
	defer f.o.Sink.Close()
	wait := f.o.MinBackoff
	failing := false
	for {
		batch, err := f.next(ctx)
		if err == nil && len(batch) > 0 {
			err = f.o.Sink.Send(ctx, batch)
			if err == nil {
				last := batch[len(batch)-1].Seq
				if werr := writeCursor(f.o.Cursor, last); werr != nil {
					return werr
				}
				f.delivered.Store(last)
				if failing {
					f.o.Logger.Info("the SIEM collector takes events again", "feed", f.o.Name, "delivered_seq", last)
				}
				failing, wait = false, f.o.MinBackoff
				continue // there may be more waiting
			}
		}
		pause := f.o.Poll
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			f.o.Logger.Warn("could not deliver audit events to the SIEM; retrying", "feed", f.o.Name,
				"after_seq", f.Delivered(), "retry_in", wait.String(), "err", err)
			failing, pause = true, wait
			wait = min(wait*2, f.o.MaxBackoff)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(pause):
		}
	}
}

// next reads the events after the cursor, at most a batch.
func (f *Feed) next(ctx context.Context) ([]Record, error) {
	var batch []Record
	err := f.o.Source.Scan(ctx, audit.Filter{AfterSeq: f.Delivered(), Limit: f.o.Batch}, false, func(e audit.Event) error {
		batch = append(batch, recordOf(e))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the log: %w", err)
	}
	return batch, nil
}

type cursorFile struct {
	Seq uint64 `json:"delivered_seq"`
}

// readCursor reads a cursor file; a missing one is the start of the log.
func readCursor(path string) (uint64, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("siem cursor: %w", err)
	}
	var c cursorFile
	if err := json.Unmarshal(b, &c); err != nil {
		return 0, fmt.Errorf("siem cursor %s: %w", path, err)
	}
	return c.Seq, nil
}

// writeCursor replaces the cursor file durably: a new file, synced, then
// renamed over the old one, and the directory synced.
func writeCursor(path string, seq uint64) error {
	b, _ := json.Marshal(cursorFile{Seq: seq})
	tmp, err := os.CreateTemp(filepath.Dir(path), ".siem-cursor-*")
	if err != nil {
		return fmt.Errorf("siem cursor: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("siem cursor: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("siem cursor: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("siem cursor: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("siem cursor: %w", err)
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
