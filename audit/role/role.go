// Package role names who may act on Hushdesk: the roles an access token
// (and a console session) carries, and what each includes. It is the one
// definition of the roles; the audit store keeps them with tokens and
// the web layer enforces them.
//
// role is a leaf: it imports nothing of the project.
package role

import (
	"fmt"

	"github.com/hushdesk/hushdesk/inference/fault"
)

// Role is what a credential may do.
type Role string

// The roles. Their duties are separate: none includes another, and what
// each may do is listed in docs/roles.md.
const (
	// Agent takes hand-offs: reads the queue and the handed-off
	// conversations, answers, resolves.
	Agent Role = "agent"
	// Compliance reviews and exports the decision log, answers
	// data-subject requests and approves another officer's erasures and
	// releases of legal holds.
	Compliance Role = "compliance"
	// Admin configures: tokens, documents, settings, backups, and the
	// queue without its conversations. An admin reads no customer
	// content and erases nobody.
	Admin Role = "admin"
)

// All returns every role.
func All() []Role { return []Role{Agent, Compliance, Admin} }

// ErrUnknown means a role name is not one of All.
var ErrUnknown = fault.New(fault.Invalid, "unknown role")

// Parse reads a role name.
func Parse(s string) (Role, error) {
	for _, r := range All() {
		if string(r) == s {
			return r, nil
		}
	}
	return "", fmt.Errorf("%w %q: want agent, compliance or admin", ErrUnknown, s)
}

// Includes reports whether a credential of role r may act in role other:
// only in its own. Separation of duties means that no role, admin
// included, acts in another's.
func (r Role) Includes(other Role) bool { return r == other }

// In reports whether r is one of roles.
func (r Role) In(roles ...Role) bool {
	for _, o := range roles {
		if r.Includes(o) {
			return true
		}
	}
	return false
}
