package web

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference/fault"
)

// Four-eyes: an erasure of a subject, or the release of a legal hold, can
// be set to need a second compliance officer's approval. The first
// officer's request is recorded (approval.requested) and nothing is done;
// another officer approves (approval.granted, then the action, in their
// name) or refuses (approval.rejected). The approvals are a projection of
// those events, read from the log, so a restart or another replica sees
// the same ones.

// FourEyes names the actions that need a second officer's approval.
type FourEyes struct {
	// Erasure: DELETE /api/v1/subjects/{id}.
	Erasure bool `json:"erasure"`
	// HoldRelease: DELETE /api/v1/holds/{target}.
	HoldRelease bool `json:"hold_release"`
}

// The actions an approval is for.
const (
	ActionErasure     = "erasure"
	ActionHoldRelease = "hold_release"
)

// approvalTTL is how long a request for approval stays open.
const approvalTTL = 7 * 24 * time.Hour

// The states of an approval.
const (
	approvalPending  = "pending"
	approvalGranted  = "granted"
	approvalRejected = "rejected"
	approvalExpired  = "expired"
)

// Approval is a request for a second officer's approval and what became
// of it.
type Approval struct {
	ID        string    `json:"id"`
	Action    string    `json:"action"`
	Target    string    `json:"target"` // a subject pseudonym (s_...) or a conversation ref (k_...)
	RequestID string    `json:"request_id,omitempty"`
	AskedBy   string    `json:"asked_by"`
	Asked     time.Time `json:"asked"`
	Seq       uint64    `json:"audit_seq"`
	Status    string    `json:"status"`
	DecidedBy string    `json:"decided_by,omitempty"`
	Decided   time.Time `json:"decided,omitzero"`
}

// approvals is the projection of the approval events, caught up from the
// log before every use.
type approvals struct {
	mu   sync.Mutex
	seen uint64
	all  map[string]*Approval
}

var approvalTypes = []string{audit.TypeApprovalAsked, audit.TypeApprovalGranted, audit.TypeApprovalRejected}

// sync reads the approval events appended since the last call.
func (a *approvals) sync(ctx context.Context, log Log) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.all == nil {
		a.all = map[string]*Approval{}
	}
	return log.Scan(ctx, audit.Filter{AfterSeq: a.seen, Types: approvalTypes}, false, func(e audit.Event) error {
		a.seen = e.Seq
		id := e.Attrs["approval_id"]
		switch e.Type {
		case audit.TypeApprovalAsked:
			a.all[id] = &Approval{ID: id, Action: e.Attrs["action"], Target: cmp.Or(e.Subject, e.Conversation),
				RequestID: e.Attrs["request_id"], AskedBy: e.Actor, Asked: e.Time, Seq: e.Seq, Status: approvalPending}
		case audit.TypeApprovalGranted, audit.TypeApprovalRejected:
			if ap := a.all[id]; ap != nil {
				ap.Status, ap.DecidedBy, ap.Decided = approvalRejected, e.Actor, e.Time
				if e.Type == audit.TypeApprovalGranted {
					ap.Status = approvalGranted
				}
			}
		}
		return nil
	})
}

// approval returns one approval as of now.
func (s *Server) approval(ctx context.Context, id string) (Approval, error) {
	if err := s.approvals.sync(ctx, s.parts.Log); err != nil {
		return Approval{}, err
	}
	s.approvals.mu.Lock()
	defer s.approvals.mu.Unlock()
	ap, ok := s.approvals.all[id]
	if !ok {
		return Approval{}, notFound("no approval with that id")
	}
	return s.current(*ap), nil
}

// current marks a pending approval past its time as expired.
func (s *Server) current(ap Approval) Approval {
	if ap.Status == approvalPending && time.Since(ap.Asked) > approvalTTL {
		ap.Status = approvalExpired
	}
	return ap
}

// askApproval records an officer's request for an action that needs a
// second officer, and answers 202 with it.
func (s *Server) askApproval(c echo.Context, action, target, requestID string) error {
	b := make([]byte, 8)
	rand.Read(b)
	id := "a_" + hex.EncodeToString(b)
	env := audit.Envelope{Type: audit.TypeApprovalAsked, Actor: principal(c).Actor(),
		Attrs: map[string]string{"approval_id": id, "action": action}}
	setTarget(&env, target)
	if requestID != "" {
		env.Attrs["request_id"] = requestID
	}
	if _, err := s.parts.Log.Append(c.Request().Context(), env, nil); err != nil {
		return err
	}
	ap, err := s.approval(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, map[string]any{"approval": ap,
		"message": "recorded; another compliance officer must approve it (POST /api/v1/approvals/" + id + "/approve)"})
}

// setTarget names an action's target in an envelope: a conversation ref
// or a subject pseudonym.
func setTarget(env *audit.Envelope, target string) {
	if strings.HasPrefix(target, "k_") {
		env.Conversation = target
	} else {
		env.Subject = target
	}
}

// listApprovals answers GET /api/v1/approvals?status=pending|all: the
// requests for approval, newest first.
func (s *Server) listApprovals(c echo.Context) error {
	status := c.QueryParam("status")
	switch status {
	case "":
		status = approvalPending
	case "all", approvalPending, approvalGranted, approvalRejected, approvalExpired:
	default:
		return badRequest("status must be pending, granted, rejected, expired or all")
	}
	if err := s.approvals.sync(c.Request().Context(), s.parts.Log); err != nil {
		return err
	}
	s.approvals.mu.Lock()
	out := []Approval{}
	for _, ap := range s.approvals.all {
		if cur := s.current(*ap); status == "all" || cur.Status == status {
			out = append(out, cur)
		}
	}
	s.approvals.mu.Unlock()
	slices.SortFunc(out, func(a, b Approval) int { return b.Asked.Compare(a.Asked) })
	return c.JSON(http.StatusOK, map[string]any{"approvals": out})
}

var (
	errSameOfficer = fault.New(fault.Forbidden, "the officer who asked cannot approve: a second compliance officer must")
	errNotPending  = fault.New(fault.Conflict, "this approval is no longer pending")
)

// decideApproval answers POST /api/v1/approvals/{id}/approve and
// /reject. Approving needs another officer than the one who asked, and
// records the approval before the action, which is done in the
// approver's name; refusing may be done by either (the asker withdraws).
func (s *Server) decideApproval(c echo.Context) error {
	ctx, p := c.Request().Context(), principal(c)
	grant := strings.HasSuffix(c.Path(), "/approve")
	ap, err := s.approval(ctx, c.Param("id"))
	if err != nil {
		return err
	}
	if ap.Status != approvalPending {
		return errNotPending
	}
	if grant && ap.AskedBy == p.Actor() {
		return errSameOfficer
	}
	if grant {
		if err := s.approvable(ctx, ap); err != nil {
			return err
		}
	}
	typ := audit.TypeApprovalRejected
	if grant {
		typ = audit.TypeApprovalGranted
	}
	env := audit.Envelope{Type: typ, Actor: p.Actor(),
		Attrs: map[string]string{"approval_id": ap.ID, "action": ap.Action, "asked_by": ap.AskedBy}}
	setTarget(&env, ap.Target)
	if _, err := s.parts.Log.Append(ctx, env, nil); err != nil {
		return err
	}
	if !grant {
		ap, err = s.approval(ctx, ap.ID)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, map[string]any{"approval": ap})
	}
	return s.carryOut(c, ap)
}

// approvable checks, before an approval is recorded, that its action can
// be carried out now.
func (s *Server) approvable(ctx context.Context, ap Approval) error {
	holds, err := s.parts.Rights.Holds(ctx)
	if err != nil {
		return err
	}
	held := slices.ContainsFunc(holds, func(h audit.Hold) bool { return h.Target == ap.Target })
	switch {
	case ap.Action == ActionErasure && held:
		return fault.Wrap(fault.Conflict, errors.New("a legal hold stands on this subject; release it before approving the erasure"))
	case ap.Action == ActionHoldRelease && !held:
		return audit.ErrNoHold
	}
	return nil
}

// carryOut does what was approved, in the approver's name.
func (s *Server) carryOut(c echo.Context, ap Approval) error {
	ctx, actor := c.Request().Context(), principal(c).Actor()
	switch ap.Action {
	case ActionErasure:
		rec, err := s.parts.Rights.EraseSubject(ctx, ap.Target, actor)
		if err != nil {
			return err
		}
		if ap.RequestID != "" {
			if _, err := s.parts.Rights.CompleteRequest(ctx, ap.RequestID, actor); err != nil {
				return err
			}
		}
		return c.JSON(http.StatusOK, map[string]any{"approval": s.granted(ctx, ap), "subject": rec.Subject, "erased_at": rec.ErasedAt,
			"events_affected": rec.EventsAffected, "audit_seq": rec.AuditSeq, "request_id": ap.RequestID})
	case ActionHoldRelease:
		if err := s.parts.Rights.ReleaseHold(ctx, ap.Target, actor); err != nil {
			return err
		}
		return c.JSON(http.StatusOK, map[string]any{"approval": s.granted(ctx, ap)})
	}
	return fault.Wrap(fault.Internal, errors.New("approval for an unknown action "+ap.Action))
}

// granted reads an approval back after its grant, falling back to what
// is known when the log cannot be read.
func (s *Server) granted(ctx context.Context, ap Approval) Approval {
	if got, err := s.approval(ctx, ap.ID); err == nil {
		return got
	}
	ap.Status = approvalGranted
	return ap
}
