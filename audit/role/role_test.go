package role

import (
	"errors"
	"testing"
)

func TestParseAndIncludes(t *testing.T) {
	for _, r := range All() {
		got, err := Parse(string(r))
		if err != nil || got != r {
			t.Errorf("Parse(%q) = %q, %v", r, got, err)
		}
	}
	if _, err := Parse("root"); !errors.Is(err, ErrUnknown) {
		t.Errorf("Parse(root) = %v", err)
	}
	if Admin.Includes(Agent) || Admin.Includes(Compliance) || !Agent.Includes(Agent) || Agent.Includes(Compliance) || Compliance.Includes(Admin) {
		t.Error("Includes: duties are separate, and an admin acts in no other role")
	}
	if !Admin.In(Agent, Admin) || Admin.In(Agent, Compliance) || Compliance.In() {
		t.Error("In")
	}
}
