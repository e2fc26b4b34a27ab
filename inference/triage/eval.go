package triage

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/hushdesk/hushdesk/inference/lang"
)

// ErrBadSample reports a labelled sample that cannot be used.
var ErrBadSample = errors.New("bad labelled sample")

// Sample is one labelled customer message.
type Sample struct {
	ID   string `json:"id"`
	Lang string `json:"lang"`
	Text string `json:"text"`
	// Expected is the decision the assistant should take on the message
	// alone: answer, abstain (nothing in the help centre), handoff or
	// refuse.
	Expected string `json:"expected"`
	// Trigger is the reason for a hand-off or refusal; empty otherwise.
	Trigger Trigger `json:"trigger"`
	// Also lists other triggers the message rightly carries ("I'm going to
	// the Consumer Complaints Board" is a legal threat and a complaint).
	Also []Trigger `json:"also,omitempty"`
	// Kind says what the sample tests: request, paraphrase, lookalike,
	// routine or offtopic.
	Kind string `json:"kind"`
}

// gold returns the triggers the sample carries.
func (s Sample) gold() []Trigger {
	if s.Trigger == "" {
		return nil
	}
	return append([]Trigger{s.Trigger}, s.Also...)
}

// ReadSamples reads samples, one JSON object a line, and checks them.
func ReadSamples(r io.Reader) ([]Sample, error) {
	var out []Sample
	seen := map[string]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	classified := Triggers()
	for line := 1; sc.Scan(); line++ {
		raw := strings.TrimSpace(sc.Text())
		if raw == "" {
			continue
		}
		var s Sample
		dec := json.NewDecoder(strings.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&s); err != nil {
			return nil, fmt.Errorf("%w: line %d: %w", ErrBadSample, line, err)
		}
		if err := s.check(classified); err != nil {
			return nil, fmt.Errorf("%w: line %d (%s): %s", ErrBadSample, line, s.ID, err)
		}
		if seen[s.ID] {
			return nil, fmt.Errorf("%w: line %d: id %q is used twice", ErrBadSample, line, s.ID)
		}
		seen[s.ID] = true
		out = append(out, s)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read samples: %w", err)
	}
	return out, nil
}

func (s Sample) check(classified []Trigger) error {
	switch {
	case s.ID == "":
		return errors.New("no id")
	case strings.TrimSpace(s.Text) == "":
		return errors.New("no text")
	case !lang.Tag(s.Lang).Known():
		return fmt.Errorf("lang %q is not one of %s", s.Lang, lang.List())
	}
	for _, t := range s.gold() {
		if !slices.Contains(classified, t) {
			return fmt.Errorf("unknown trigger %q", t)
		}
	}
	switch s.Expected {
	case ExpectAnswer, ExpectAbstain:
		if s.Trigger != "" || len(s.Also) > 0 {
			return fmt.Errorf("expected %s with a trigger", s.Expected)
		}
	case ExpectHandoff, ExpectRefuse:
		if s.Trigger == "" {
			return fmt.Errorf("expected %s without a trigger", s.Expected)
		}
		if want := labelFor(s.Trigger); want != s.Expected {
			return fmt.Errorf("trigger %s means %s, not %s", s.Trigger, want, s.Expected)
		}
	default:
		return fmt.Errorf("expected %q is not answer, abstain, handoff or refuse", s.Expected)
	}
	return nil
}
