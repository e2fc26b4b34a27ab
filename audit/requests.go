package audit

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Request kinds, regimes and statuses.
const (
	RequestAccess        = "access"        // GDPR Art. 15, CCPA right to know
	RequestPortability   = "portability"   // GDPR Art. 20
	RequestErasure       = "erasure"       // GDPR Art. 17, CCPA right to delete
	RequestRectification = "rectification" // GDPR Art. 16, CCPA right to correct

	RegimeGDPR = "gdpr"
	RegimeCCPA = "ccpa"

	StatusOpen      = "open"
	StatusOverdue   = "overdue" // open past its deadline
	StatusCompleted = "completed"
)

// Request is one data-subject request and its legal deadline.
type Request struct {
	ID      string `json:"id"`
	Kind    string `json:"kind"`
	Subject string `json:"subject"` // pseudonym; empty for a customer who wrote without saying who they are
	// Conversation is the conversation the customer made the request in,
	// when they made it in a chat.
	Conversation string `json:"conversation,omitempty"`
	// Channel is where the request came in: chat, console, cli or api.
	Channel   string     `json:"channel,omitempty"`
	Regime    string     `json:"regime"`
	Received  time.Time  `json:"received"`
	Deadline  time.Time  `json:"deadline"`
	Completed *time.Time `json:"completed,omitempty"`
	Status    string     `json:"status"`
	Note      string     `json:"note,omitempty"`
}

// deadline returns when a request received at t must be answered, and
// the rule.
func deadline(regime string, t time.Time) (time.Time, string) {
	if regime == RegimeCCPA {
		return t.Add(45 * 24 * time.Hour), "CCPA: 45 days, extendable once by 45 days with notice"
	}
	d := t.AddDate(0, 1, 0)
	if d.Day() != t.Day() { // 31 January: the month ends on the last day of February
		d = d.AddDate(0, 0, -d.Day())
	}
	return d, "GDPR Art. 12(3): one month, extendable by two months with notice"
}

// RequestSpec is a data-subject request as it is received.
type RequestSpec struct {
	Kind string
	// Subject is the customer's pseudonym; Conversation the conversation
	// a request made in a chat came in. At least one is set.
	Subject, Conversation  string
	Regime, Actor, Channel string
}

// Where requests come in.
const (
	ChannelChat    = "chat"
	ChannelConsole = "console"
	ChannelCLI     = "cli"
)

// OpenRequest logs a data-subject request received now, with its
// deadline: one month under GDPR (the default regime), 45 days under CCPA.
func (s *Store) OpenRequest(ctx context.Context, kind, pseudonym, regime, actor string) (Request, error) {
	return s.LogRequest(ctx, RequestSpec{Kind: kind, Subject: pseudonym, Regime: regime, Actor: actor})
}

// LogRequest logs a data-subject request received now, with its
// deadline; a request made in a chat names its conversation, and its
// subject when the customer said who they are.
func (s *Store) LogRequest(ctx context.Context, spec RequestSpec) (Request, error) {
	if err := s.writable(); err != nil {
		return Request{}, err
	}
	kind, pseudonym, regime, actor := spec.Kind, spec.Subject, spec.Regime, spec.Actor
	if !slices.Contains([]string{RequestAccess, RequestPortability, RequestErasure, RequestRectification}, kind) {
		return Request{}, invalid("request kind %q is not access, portability, erasure or rectification", kind)
	}
	if regime == "" {
		regime = RegimeGDPR
	}
	if regime != RegimeGDPR && regime != RegimeCCPA {
		return Request{}, invalid("regime %q is not gdpr or ccpa", regime)
	}
	switch {
	case pseudonym == "" && spec.Conversation == "":
		return Request{}, invalid("a request needs a subject or the conversation it was made in")
	case pseudonym != "" && !isPseudonym(pseudonym, "s_"):
		return Request{}, invalid("subject %q is not a subject pseudonym (s_...)", pseudonym)
	case spec.Conversation != "" && !isPseudonym(spec.Conversation, "k_"):
		return Request{}, invalid("conversation %q is not a conversation reference (k_...)", spec.Conversation)
	}
	id := make([]byte, 8)
	rand.Read(id)
	now := s.now().UTC()
	r := Request{ID: "r_" + hex.EncodeToString(id), Kind: kind, Subject: pseudonym, Conversation: spec.Conversation,
		Channel: spec.Channel, Regime: regime, Received: now, Status: StatusOpen}
	r.Deadline, r.Note = deadline(regime, now)
	v, err := json.Marshal(r)
	if err != nil {
		return Request{}, fmt.Errorf("encode request: %w", err)
	}
	env := Envelope{Time: now, Type: TypeRequestOpened, Subject: pseudonym, Conversation: spec.Conversation, Actor: actor,
		Attrs: map[string]string{"request_id": r.ID, "kind": kind, "regime": regime, "deadline": r.Deadline.Format(time.RFC3339)}}
	if spec.Channel != "" {
		env.Attrs["channel"] = spec.Channel
	}
	_, err = s.append(ctx, env, nil, appendOpts{
		apply: func(tx *bolt.Tx, _ uint64) error { return tx.Bucket(bucketRequests).Put([]byte(r.ID), v) },
	})
	if err != nil {
		return Request{}, fmt.Errorf("open request: %w", err)
	}
	return r, nil
}

// CompleteRequest marks a request answered now.
func (s *Store) CompleteRequest(ctx context.Context, id, actor string) (Request, error) {
	if err := s.writable(); err != nil {
		return Request{}, err
	}
	var r Request
	var v []byte
	now := s.now().UTC()
	_, err := s.append(ctx, Envelope{Time: now, Type: TypeRequestCompleted, Actor: actor}, nil, appendOpts{
		check: func(tx *bolt.Tx, env *Envelope) error {
			raw := tx.Bucket(bucketRequests).Get([]byte(id))
			if raw == nil {
				return fmt.Errorf("%q: %w", id, ErrNoRequest)
			}
			if err := json.Unmarshal(raw, &r); err != nil {
				return fmt.Errorf("decode request %s: %w", id, err)
			}
			if r.Completed != nil {
				return fmt.Errorf("%s: %w", id, ErrRequestClosed)
			}
			r.Completed, r.Status = &now, StatusCompleted
			var err error
			if v, err = json.Marshal(r); err != nil {
				return fmt.Errorf("encode request: %w", err)
			}
			env.Subject = r.Subject
			env.Attrs = map[string]string{
				"request_id": r.ID, "kind": r.Kind, "regime": r.Regime,
				"on_time": fmt.Sprint(!now.After(r.Deadline)),
				"hours":   fmt.Sprintf("%.1f", now.Sub(r.Received).Hours()),
			}
			return nil
		},
		apply: func(tx *bolt.Tx, _ uint64) error { return tx.Bucket(bucketRequests).Put([]byte(id), v) },
	})
	if err != nil {
		return Request{}, fmt.Errorf("complete request: %w", err)
	}
	return r, nil
}

// Requests lists every data-subject request, oldest first, with its
// status as of now.
func (s *Store) Requests(ctx context.Context) ([]Request, error) {
	var out []Request
	now := s.now()
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketRequests)
		if b == nil {
			return nil
		}
		return b.ForEach(func(_, v []byte) error {
			var r Request
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("decode request: %w", err)
			}
			if r.Completed == nil && now.After(r.Deadline) {
				r.Status = StatusOverdue
			}
			out = append(out, r)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read requests: %w", err)
	}
	slices.SortFunc(out, func(a, b Request) int {
		return cmp.Or(a.Received.Compare(b.Received), strings.Compare(a.ID, b.ID))
	})
	return out, nil
}
