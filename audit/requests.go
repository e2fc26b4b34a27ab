package audit

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hushdesk/hushdesk/inference/fault"
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
	// CustomerID is the customer id the officer entered, read back from
	// the encrypted content of the request's event (under the subject's
	// key): empty once the subject is erased.
	CustomerID string `json:"customer_id,omitempty"`
	OpenedSeq  uint64 `json:"audit_seq,omitempty"`
	// DaysLeft counts whole days to the deadline (negative when overdue)
	// and DueSoon marks an open request within ReminderDays of it.
	DaysLeft *int `json:"days_left,omitempty"`
	DueSoon  bool `json:"due_soon,omitempty"`
	// Extended is when the deadline was extended (GDPR Art. 12(3): by two
	// more months; CCPA: by 45 days), from FirstDeadline, for the reason
	// read back from the extension's encrypted event.
	Extended        *time.Time `json:"extended,omitempty"`
	FirstDeadline   *time.Time `json:"first_deadline,omitempty"`
	ExtendedSeq     uint64     `json:"extended_seq,omitempty"`
	ExtensionReason string     `json:"extension_reason,omitempty"`
}

// ReminderDays is how close to its deadline an open request is due soon.
const ReminderDays = 7

// MinExtensionReason is the shortest reason for an extension, in
// characters.
const MinExtensionReason = 10

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
	// CustomerID is the id the officer entered, kept encrypted under the
	// subject's key.
	CustomerID string
}

// Where requests come in.
const (
	ChannelChat    = "chat"
	ChannelConsole = "console"
	ChannelCLI     = "cli"
)

// OpenRequest logs a data-subject request received now, with its
// deadline: one month under GDPR (the default regime), 45 days under CCPA.
func (rs *Records) OpenRequest(ctx context.Context, kind, pseudonym, regime, actor string) (Request, error) {
	return rs.LogRequest(ctx, RequestSpec{Kind: kind, Subject: pseudonym, Regime: regime, Actor: actor})
}

// LogRequest logs a data-subject request received now, with its
// deadline; a request made in a chat names its conversation, and its
// subject when the customer said who they are.
func (rs *Records) LogRequest(ctx context.Context, spec RequestSpec) (Request, error) {
	if err := rs.writable(); err != nil {
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
	now := rs.now().UTC()
	r := Request{ID: "r_" + hex.EncodeToString(id), Kind: kind, Subject: pseudonym, Conversation: spec.Conversation,
		Channel: spec.Channel, Regime: regime, Received: now, Status: StatusOpen}
	r.Deadline, r.Note = deadline(regime, now)
	var content *Content
	if spec.CustomerID != "" && pseudonym != "" {
		content = &Content{CustomerID: spec.CustomerID}
	}
	env := Envelope{Time: now, Type: TypeRequestOpened, Subject: pseudonym, Conversation: spec.Conversation, Actor: actor,
		Attrs: map[string]string{"request_id": r.ID, "kind": kind, "regime": regime, "deadline": r.Deadline.Format(time.RFC3339)}}
	if spec.Channel != "" {
		env.Attrs["channel"] = spec.Channel
	}
	_, err := rs.append(ctx, env, content, Change{
		Apply: func(b Buckets, seq uint64) error {
			r.OpenedSeq = seq
			v, err := json.Marshal(r)
			if err != nil {
				return fmt.Errorf("encode request: %w", err)
			}
			return b.Put(projRequests, r.ID, v)
		},
	})
	if err != nil {
		return Request{}, fmt.Errorf("open request: %w", err)
	}
	r.CustomerID = spec.CustomerID
	return r, nil
}

// CompleteRequest marks a request answered now.
func (rs *Records) CompleteRequest(ctx context.Context, id, actor string) (Request, error) {
	if err := rs.writable(); err != nil {
		return Request{}, err
	}
	var r Request
	var v []byte
	now := rs.now().UTC()
	_, err := rs.append(ctx, Envelope{Time: now, Type: TypeRequestCompleted, Actor: actor}, nil, Change{
		Check: func(b Buckets, env *Envelope) error {
			raw, err := b.Get(projRequests, id)
			if err != nil {
				return err
			}
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
		Apply: func(b Buckets, _ uint64) error { return b.Put(projRequests, id, v) },
	})
	if err != nil {
		return Request{}, fmt.Errorf("complete request: %w", err)
	}
	return r, nil
}

// Requests lists every data-subject request, oldest first, with its
// status as of now.
func (rs *Records) Requests(ctx context.Context) ([]Request, error) {
	var out []Request
	now := rs.now()
	err := rs.b.View(ctx, func(b Buckets) error {
		return b.ForEach(projRequests, func(_ string, v []byte) error {
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
	for i := range out {
		rs.readRequest(ctx, &out[i], now)
	}
	slices.SortFunc(out, func(a, b Request) int {
		return cmp.Or(a.Received.Compare(b.Received), strings.Compare(a.ID, b.ID))
	})
	return out, nil
}

// readRequest fills in what a request's events hold encrypted (the
// customer id, the extension's reason) and the days left.
func (rs *Records) readRequest(ctx context.Context, r *Request, now time.Time) {
	if r.OpenedSeq != 0 && r.Subject != "" {
		if ev, err := rs.b.Event(ctx, r.OpenedSeq); err == nil && ev.Type == TypeRequestOpened {
			if ev.Content != nil {
				r.CustomerID = ev.Content.CustomerID
			}
		}
	}
	if r.ExtendedSeq != 0 {
		if ev, err := rs.b.Event(ctx, r.ExtendedSeq); err == nil && ev.Type == TypeRequestExtended {
			if ev.Content != nil {
				r.ExtensionReason = ev.Content.Text
			}
		}
	}
	if r.Completed == nil {
		days := int(math.Floor(r.Deadline.Sub(now).Hours() / 24))
		r.DaysLeft = &days
		r.DueSoon = days < ReminderDays
	}
}

// ErrExtendedAlready means a request's deadline was extended before: the
// law allows one extension.
var ErrExtendedAlready = fault.New(fault.Conflict, "this request's deadline was extended already; the law allows it once")

// ExtendRequest extends an open request's deadline once, for a stated
// reason (GDPR Art. 12(3): by two more months, "taking into account the
// complexity and number of the requests"; CCPA: by 45 days). The reason,
// already redacted by the caller, is kept encrypted under the subject's
// key; the event names the new deadline.
func (rs *Records) ExtendRequest(ctx context.Context, id, reason, actor string) (Request, error) {
	if err := rs.writable(); err != nil {
		return Request{}, err
	}
	reason = strings.TrimSpace(reason)
	if utf8.RuneCountInString(reason) < MinExtensionReason {
		return Request{}, invalid("an extension needs a reason of at least %d characters (the customer must be told why)", MinExtensionReason)
	}
	var r Request
	now := rs.now().UTC()
	cur, err := rs.requestByID(ctx, id)
	if err != nil {
		return Request{}, err
	}
	env := Envelope{Time: now, Type: TypeRequestExtended, Subject: cur.Subject, Conversation: cur.Conversation, Actor: actor}
	_, err = rs.append(ctx, env, &Content{Text: reason}, Change{
		Check: func(b Buckets, env *Envelope) error {
			raw, err := b.Get(projRequests, id)
			if err != nil {
				return err
			}
			if raw == nil {
				return fmt.Errorf("%q: %w", id, ErrNoRequest)
			}
			if err := json.Unmarshal(raw, &r); err != nil {
				return fmt.Errorf("decode request %s: %w", id, err)
			}
			switch {
			case r.Completed != nil:
				return fmt.Errorf("%s: %w", id, ErrRequestClosed)
			case r.Extended != nil:
				return fmt.Errorf("%s: %w", id, ErrExtendedAlready)
			}
			first := r.Deadline
			r.FirstDeadline, r.Extended = &first, &now
			if r.Regime == RegimeCCPA {
				r.Deadline = r.Deadline.Add(45 * 24 * time.Hour)
			} else {
				r.Deadline = r.Deadline.AddDate(0, 2, 0)
			}
			env.Attrs = map[string]string{"request_id": r.ID, "kind": r.Kind, "regime": r.Regime,
				"deadline": r.Deadline.Format(time.RFC3339), "first_deadline": first.Format(time.RFC3339)}
			return nil
		},
		Apply: func(b Buckets, seq uint64) error {
			r.ExtendedSeq = seq
			v, err := json.Marshal(r)
			if err != nil {
				return fmt.Errorf("encode request: %w", err)
			}
			return b.Put(projRequests, id, v)
		},
	})
	if err != nil {
		return Request{}, fmt.Errorf("extend request: %w", err)
	}
	rs.readRequest(ctx, &r, now)
	return r, nil
}

// requestByID reads one request as stored.
func (rs *Records) requestByID(ctx context.Context, id string) (Request, error) {
	var r Request
	err := rs.b.View(ctx, func(b Buckets) error {
		raw, err := b.Get(projRequests, id)
		if err != nil {
			return err
		}
		if raw == nil {
			return fmt.Errorf("%q: %w", id, ErrNoRequest)
		}
		return json.Unmarshal(raw, &r)
	})
	return r, err
}
