// Package conveval measures the assistant on labelled conversations: it
// replays each conversation through the assistant, turn by turn, and
// scores what it did against what a good assistant does (answer from
// which article and section, small talk, ask back, hand off, abstain,
// take or decline an offer of a person).
//
// The gold format is JSON lines, one conversation a line:
//
//	{"id": "cv-da-017", "lang": "da", "kind": "followup", "turns": [
//	  {"text": "...", "expect": "answer", "doc": "sample/da/returns.md", "heading": "..."},
//	  {"text": "...", "expect": "answer", "doc": "...", "heading": "...", "followup": true}]}
//
// A single message is a conversation of one turn. testdata/conversations
// holds the sets and says how they were written.
package conveval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/hushdesk/hushdesk/inference/fault"
)

// What a good assistant does with a turn (Turn.Expect).
const (
	ExpectAnswer       = "answer"
	ExpectSmalltalk    = "smalltalk"
	ExpectClarify      = "clarify"
	ExpectHandoff      = "handoff"
	ExpectAbstain      = "abstain"
	ExpectAcceptOffer  = "accept_offer"
	ExpectDeclineOffer = "decline_offer"
)

var expectations = []string{ExpectAnswer, ExpectSmalltalk, ExpectClarify, ExpectHandoff, ExpectAbstain, ExpectAcceptOffer, ExpectDeclineOffer}

// ErrGold means a gold file is malformed; the message names the line.
var ErrGold = fault.New(fault.Invalid, "malformed gold conversation")

// Target is a section that answers a turn.
type Target struct {
	Doc     string `json:"doc"`
	Heading string `json:"heading"`
}

// Turn is one customer message and what should happen to it.
type Turn struct {
	Text   string `json:"text"`
	Expect string `json:"expect"`
	// Doc and Heading name the section that answers best (expect
	// answer); Alt lists others that answer as well.
	Doc     string   `json:"doc,omitempty"`
	Heading string   `json:"heading,omitempty"`
	Alt     []Target `json:"alt,omitempty"`
	// Followup marks a message that cannot be understood without the
	// turns before it.
	Followup bool `json:"followup,omitempty"`
	// Trigger is the reason for a hand-off.
	Trigger string `json:"trigger,omitempty"`
	// Smalltalk says which courtesy (greeting, thanks, goodbye, ack,
	// compliment).
	Smalltalk string `json:"smalltalk,omitempty"`
}

// targets are every section that answers the turn.
func (t Turn) targets() []Target { return append([]Target{{t.Doc, t.Heading}}, t.Alt...) }

// Conversation is one labelled conversation.
type Conversation struct {
	ID    string `json:"id"`
	Lang  string `json:"lang"`
	Kind  string `json:"kind"`
	Turns []Turn `json:"turns"`
}

// Read reads a gold file, checking every line.
func Read(r io.Reader) ([]Conversation, error) {
	var out []Conversation
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	ids := map[string]bool{}
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var c Conversation
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&c); err != nil {
			return nil, fmt.Errorf("%w: line %d: %w", ErrGold, n, err)
		}
		if err := c.check(); err != nil {
			return nil, fmt.Errorf("%w: line %d (%s): %w", ErrGold, n, c.ID, err)
		}
		if ids[c.ID] {
			return nil, fmt.Errorf("%w: line %d: id %q repeated", ErrGold, n, c.ID)
		}
		ids[c.ID] = true
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read gold: %w", err)
	}
	return out, nil
}

func (c Conversation) check() error {
	if c.ID == "" || c.Lang == "" || len(c.Turns) == 0 {
		return fmt.Errorf("id, lang and turns are required")
	}
	for i, t := range c.Turns {
		switch {
		case strings.TrimSpace(t.Text) == "":
			return fmt.Errorf("turn %d has no text", i+1)
		case !slices.Contains(expectations, t.Expect):
			return fmt.Errorf("turn %d: expect %q is not one of %v", i+1, t.Expect, expectations)
		case t.Expect == ExpectAnswer && t.Doc == "":
			return fmt.Errorf("turn %d: an answer names its doc", i+1)
		case t.Expect == ExpectHandoff && t.Trigger == "":
			return fmt.Errorf("turn %d: a hand-off names its trigger", i+1)
		}
	}
	return nil
}
