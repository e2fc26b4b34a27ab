package desk

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/hushdesk/hushdesk/inference/fault"
	"github.com/hushdesk/hushdesk/redact"
)

// Canned responses are written by admins with variables in double
// braces, filled in when an agent inserts one into a reply.

// Variables of a canned response.
const (
	VarCustomerName = "customer_name" // the customer's name, when they gave it (as its placeholder)
	VarAgentName    = "agent_name"    // the agent's display name
	VarCompany      = "company"       // the organisation's name
)

// Variables lists the variables a canned response may use.
func Variables() []string { return []string{VarCustomerName, VarAgentName, VarCompany} }

var variableRE = regexp.MustCompile(`\{\{\s*([^{}]*?)\s*\}\}`)

// ErrUnknownVariable means a canned response names a variable that does
// not exist.
var ErrUnknownVariable = fault.New(fault.Invalid, "unknown variable in the canned response")

// ErrPersonalData means a canned response holds personal data, which
// does not belong in text every agent sends.
var ErrPersonalData = fault.New(fault.Invalid, "a canned response must not hold personal data")

// CheckCanned refuses a canned response with an unknown variable or with
// personal data (what the redactor finds: a name, an address, a phone
// number that is not the company's own).
func CheckCanned(r Redactor, text string) error {
	for _, m := range variableRE.FindAllStringSubmatch(text, -1) {
		if !slices.Contains(Variables(), m[1]) {
			return fmt.Errorf("%w: {{%s}}; use {{%s}}", ErrUnknownVariable, m[1], strings.Join(Variables(), "}}, {{"))
		}
	}
	res := r.Redact(variableRE.ReplaceAllString(text, ""), nil)
	if len(res.Findings) > 0 {
		types := map[string]bool{}
		for _, f := range res.Findings {
			types[string(f.Type)] = true
		}
		return fmt.Errorf("%w: found %s", ErrPersonalData, strings.Join(slices.Sorted(maps.Keys(types)), ", "))
	}
	return nil
}

// FillCanned fills a canned response's variables. The customer's name is
// their name's placeholder in the conversation (the reply shows them
// their own name, the log keeps the placeholder); without one, the
// variable and the space before it go.
func FillCanned(text string, ph *redact.Placeholders, agentName, company string) string {
	customer := ""
	if ph != nil {
		for _, e := range ph.Entries(0) {
			if e.Type == redact.Person {
				customer = e.Label
				break
			}
		}
	}
	vals := map[string]string{VarCustomerName: customer, VarAgentName: agentName, VarCompany: company}
	out := variableRE.ReplaceAllStringFunc(text, func(m string) string {
		return vals[variableRE.FindStringSubmatch(m)[1]]
	})
	// "Hi {{customer_name}}," without a name reads "Hi ,": tidy it.
	for _, p := range []string{" ,", " .", " !", "  "} {
		out = strings.ReplaceAll(out, p, p[1:])
	}
	return out
}

// CheckCanned refuses a canned response with an unknown variable or
// personal data, with the desk's redactor.
func (d *Desk) CheckCanned(text string) error { return CheckCanned(d.redactor, text) }

// RedactText redacts a text an officer or agent writes that is not part
// of a conversation (the reason for an extension), before it is stored.
func (d *Desk) RedactText(text string) string { return d.redactor.Redact(text, nil).Text }
