package audit

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Anchor keeps checkpoints outside the data directory as they are made,
// so that a log rewritten, cut short or rolled back is caught by
// verifying it against the last checkpoint sent (see docs/threat-model.md).
type Anchor interface {
	// Anchor stores cp durably somewhere the users of the data
	// directory cannot rewrite. It is called once per checkpoint, in
	// order, from one goroutine, after the checkpoint is on disk.
	Anchor(ctx context.Context, cp Checkpoint) error
}

// maxPendingAnchors bounds the checkpoints waiting for an anchor that is
// down; past it the oldest are dropped, since the newest covers them.
const maxPendingAnchors = 1024

// anchorQueue hands checkpoints from the writer to the anchor goroutine,
// so that a slow or failing anchor never holds up an append.
type anchorQueue struct {
	mu      sync.Mutex
	pending []Checkpoint
	wake    chan struct{}
	dropped int
}

func (q *anchorQueue) push(cps ...Checkpoint) {
	if len(cps) == 0 || q.wake == nil {
		return
	}
	q.mu.Lock()
	q.pending = append(q.pending, cps...)
	if over := len(q.pending) - maxPendingAnchors; over > 0 {
		q.pending = append(q.pending[:0], q.pending[over:]...)
		q.dropped += over
	}
	q.mu.Unlock()
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// next returns the oldest waiting checkpoint, without removing it.
func (q *anchorQueue) next() (Checkpoint, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.pending) == 0 {
		return Checkpoint{}, false
	}
	return q.pending[0], true
}

func (q *anchorQueue) done() {
	q.mu.Lock()
	q.pending = q.pending[1:]
	q.mu.Unlock()
}

// anchorLoop sends checkpoints to the anchor as they come. A failure is
// logged and retried, waiting AnchorRetry and then twice as long each
// time, up to a minute. When ctx ends it makes one last attempt at what
// is left, for at most AnchorRetry and never less than a second.
func (s *Store) anchorLoop(ctx context.Context, done chan<- struct{}) {
	defer close(done)
	q := &s.anchors
	wait := s.opts.AnchorRetry
	for {
		cp, ok := q.next()
		if !ok {
			select {
			case <-q.wake:
				continue
			case <-ctx.Done():
				s.flushAnchors()
				return
			}
		}
		err := s.opts.Anchor.Anchor(ctx, cp)
		if err == nil {
			q.done()
			wait = s.opts.AnchorRetry
			continue
		}
		if ctx.Err() != nil {
			s.flushAnchors()
			return
		}
		s.log.Error("audit checkpoint not anchored; retrying", "seq", cp.Seq, "retry_in", wait, "err", err)
		select {
		case <-time.After(wait):
			wait = min(2*wait, time.Minute)
		case <-ctx.Done():
			s.flushAnchors()
			return
		}
	}
}

// flushAnchors makes one last attempt to send what is waiting, when the
// store closes.
func (s *Store) flushAnchors() {
	ctx, cancel := context.WithTimeout(context.Background(), max(s.opts.AnchorRetry, time.Second))
	defer cancel()
	for {
		cp, ok := s.anchors.next()
		if !ok {
			return
		}
		if err := s.opts.Anchor.Anchor(ctx, cp); err != nil {
			s.anchors.mu.Lock()
			n := len(s.anchors.pending)
			s.anchors.mu.Unlock()
			s.log.Error("audit checkpoints left unanchored at close", "checkpoints", n, "first_seq", cp.Seq, "err", err)
			return
		}
		s.anchors.done()
	}
}

// FileAnchor appends each checkpoint as one JSON line to a file, opened
// in append mode and synced before Anchor returns. Put the file on
// storage the data directory's users cannot rewrite: another machine's
// mount, a WORM share. `hushdesk audit verify --anchor FILE` checks the
// log against its last line.
type FileAnchor struct {
	path string
	mu   sync.Mutex
}

// NewFileAnchor returns an anchor that appends to path.
func NewFileAnchor(path string) *FileAnchor { return &FileAnchor{path: path} }

var _ Anchor = (*FileAnchor)(nil)

// Anchor appends cp to the file and syncs it (and, when the file is new,
// its directory).
func (a *FileAnchor) Anchor(ctx context.Context, cp Checkpoint) error {
	line, err := json.Marshal(cp)
	if err != nil {
		return fmt.Errorf("encode checkpoint: %w", err)
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	_, statErr := os.Stat(a.path)
	f, err := os.OpenFile(a.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("anchor file: %w", err)
	}
	_, err = f.Write(append(line, '\n'))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && errors.Is(statErr, os.ErrNotExist) {
		err = syncDir(filepath.Dir(a.path))
	}
	if err != nil {
		return fmt.Errorf("anchor file %s: %w", a.path, err)
	}
	return nil
}

// ReadAnchor reads the checkpoints of an anchor file (JSON lines, as
// FileAnchor writes them) or a single checkpoint (as `hushdesk audit
// checkpoint` writes it) and returns the last one and how many it read.
// A file with no checkpoint, or with anything else in it, is an error
// matching ErrInvalid: a verifier must not fall back on an older line.
func ReadAnchor(r io.Reader) (Checkpoint, int, error) {
	dec := json.NewDecoder(r)
	var last Checkpoint
	n := 0
	for {
		var cp Checkpoint
		err := dec.Decode(&cp)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return Checkpoint{}, n, fmt.Errorf("anchor: checkpoint %d (at byte %d) is not JSON: %w: %w", n+1, dec.InputOffset(), err, ErrInvalid)
		}
		if cp.Signature == "" || cp.PublicKey == "" || cp.Head == "" {
			return Checkpoint{}, n, invalid("anchor: entry %d (at byte %d) is not a checkpoint", n+1, dec.InputOffset())
		}
		last, n = cp, n+1
	}
	if n == 0 {
		return Checkpoint{}, 0, invalid("anchor: no checkpoint in it")
	}
	return last, n, nil
}
