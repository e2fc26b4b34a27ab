package mail

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/hushdesk/hushdesk/audit"
)

// Sender delivers one message to one recipient.
type Sender interface {
	Send(ctx context.Context, to string, msg []byte) error
}

// Recorder records how the e-mailing of a reply ended, on its hand-off.
type Recorder interface {
	RecordEmail(ctx context.Context, handoffID string, r audit.EmailResult) (uint64, error)
}

// Delivery is one reply on its way to a customer.
type Delivery struct {
	Handoff string
	// Message is the agent reply's message id.
	Message string
	To      string
	Msg     []byte
}

// Delivery states.
const (
	StateQueued   = "queued"
	StateRetrying = "retrying"
	StateSent     = "sent"
	StateFailed   = "failed"
)

// Status is where a delivery stands, as the agent sees it.
type Status struct {
	State       string    `json:"state"`
	Attempts    int       `json:"attempts"`
	NextAttempt time.Time `json:"next_attempt,omitzero"`
	Problem     string    `json:"problem,omitempty"`
}

// OutboxOptions configures an Outbox.
type OutboxOptions struct {
	// Attempts is how many times a delivery is tried. Default 6.
	Attempts int
	// Backoff is the wait before the first retry, doubled for each next.
	// Default 30 s (30 s, 1 min, 2 min, 4 min, 8 min).
	Backoff time.Duration
	// Changed is called (in the outbox's goroutine) when a delivery's
	// state changes, with its hand-off and message.
	Changed func(handoff, message string)
	// Statuses, when set, share where deliveries stand with the other
	// replicas, so that an agent on any of them sees a reply another is
	// sending. The delivery itself (the address, the letter) stays in
	// the memory of the replica that queued it.
	Statuses Statuses
	Logger   *slog.Logger
}

// Outbox delivers replies one at a time, retrying failures with
// exponential backoff; after the last attempt the failure is recorded
// and the agent told. The addresses live only in its memory until sent.
type Outbox struct {
	sender   Sender
	recorder Recorder
	opts     OutboxOptions
	log      *slog.Logger

	mu      sync.Mutex
	pending []*pending
	status  map[string]Status // by message id
	wake    chan struct{}
}

type pending struct {
	d        Delivery
	attempts int
	due      time.Time
}

// Statuses keep where deliveries stand, by the reply's message id: no
// address, no text.
type Statuses interface {
	PutStatus(ctx context.Context, message string, st Status) error
	LoadStatus(ctx context.Context, message string) (Status, bool, error)
}

// staleAfter is how long past its next attempt (or its queueing) a
// delivery another replica reported is believed: past it, that replica
// is taken to have stopped, and the reply shows as not sent.
const staleAfter = 2 * time.Minute

// NewOutbox returns an Outbox; Run delivers.
func NewOutbox(s Sender, r Recorder, o OutboxOptions) *Outbox {
	if o.Attempts <= 0 {
		o.Attempts = 6
	}
	if o.Backoff <= 0 {
		o.Backoff = 30 * time.Second
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Changed == nil {
		o.Changed = func(string, string) {}
	}
	return &Outbox{sender: s, recorder: r, opts: o, log: o.Logger, status: map[string]Status{}, wake: make(chan struct{}, 1)}
}

// Send queues a delivery.
func (o *Outbox) Send(d Delivery) {
	o.mu.Lock()
	o.pending = append(o.pending, &pending{d: d, due: time.Now()})
	o.status[d.Message] = Status{State: StateQueued}
	o.mu.Unlock()
	o.share(d.Message, Status{State: StateQueued, NextAttempt: time.Now()}) // when to expect news of it
	select {
	case o.wake <- struct{}{}:
	default:
	}
}

// Status returns where the delivery of a reply stands, if this outbox has
// seen it since it started, or another replica's reports it and has not
// fallen silent.
func (o *Outbox) Status(message string) (Status, bool) {
	o.mu.Lock()
	st, ok := o.status[message]
	o.mu.Unlock()
	if ok || o.opts.Statuses == nil {
		return st, ok
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	st, ok, err := o.opts.Statuses.LoadStatus(ctx, message)
	if err != nil || !ok {
		return Status{}, false
	}
	if (st.State == StateQueued || st.State == StateRetrying) && time.Since(st.NextAttempt) > staleAfter {
		return Status{}, false
	}
	return st, true
}

// share tells the other replicas where a delivery stands.
func (o *Outbox) share(message string, st Status) {
	if o.opts.Statuses == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := o.opts.Statuses.PutStatus(ctx, message, st); err != nil {
		o.log.Warn("could not share an e-mail's delivery state", "err", err)
	}
}

// Run delivers until ctx ends. Deliveries still waiting then are lost
// from memory; their replies stay in the log, and the agent can send
// them again.
func (o *Outbox) Run(ctx context.Context) error {
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		next, wait := o.due()
		if next != nil {
			o.attempt(ctx, next)
			continue
		}
		timer.Reset(wait)
		select {
		case <-ctx.Done():
			return nil
		case <-o.wake:
		case <-timer.C:
		}
	}
}

// due takes the first delivery that is due, or says how long to wait.
func (o *Outbox) due() (*pending, time.Duration) {
	o.mu.Lock()
	defer o.mu.Unlock()
	wait := time.Hour
	now := time.Now()
	for i, p := range o.pending {
		if !p.due.After(now) {
			o.pending = append(o.pending[:i], o.pending[i+1:]...)
			return p, 0
		}
		wait = min(wait, p.due.Sub(now))
	}
	return nil, wait
}

func (o *Outbox) attempt(ctx context.Context, p *pending) {
	p.attempts++
	err := o.sender.Send(ctx, p.d.To, p.d.Msg)
	st := Status{State: StateSent, Attempts: p.attempts}
	switch {
	case err == nil:
		o.record(ctx, p, true, "")
	case p.attempts >= o.opts.Attempts:
		st.State, st.Problem = StateFailed, Problem(err)
		o.log.Warn("a reply could not be e-mailed; the agent is told", "handoff", p.d.Handoff, "attempts", p.attempts, "problem", st.Problem)
		o.record(ctx, p, false, st.Problem)
	default:
		st.State, st.Problem = StateRetrying, Problem(err)
		p.due = time.Now().Add(o.opts.Backoff << (p.attempts - 1))
		st.NextAttempt = p.due
		o.log.Info("e-mailing a reply failed; retrying", "handoff", p.d.Handoff, "attempts", p.attempts, "problem", st.Problem, "next_in", time.Until(p.due).Round(time.Second).String())
		o.mu.Lock()
		o.pending = append(o.pending, p)
		o.mu.Unlock()
	}
	o.mu.Lock()
	o.status[p.d.Message] = st
	o.mu.Unlock()
	o.share(p.d.Message, st)
	o.opts.Changed(p.d.Handoff, p.d.Message)
}

func (o *Outbox) record(ctx context.Context, p *pending, sent bool, problem string) {
	_, err := o.recorder.RecordEmail(context.WithoutCancel(ctx), p.d.Handoff,
		audit.EmailResult{Message: p.d.Message, Sent: sent, Attempts: p.attempts, Problem: problem})
	if err != nil {
		o.log.Error("record an e-mailed reply", "handoff", p.d.Handoff, "err", err)
	}
}
