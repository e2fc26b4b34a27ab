package audit

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hushdesk/hushdesk/inference/fault"
)

// Canned responses are the answers admins write for agents to insert
// into their replies, one language each. They are company text, checked
// for personal data by the caller before they are saved; saving and
// removing one is an event naming it, not its text.

var bucketCanned = []byte(projCanned)

// ErrNoCanned means there is no canned response with that id.
var ErrNoCanned = fault.New(fault.NotFound, "no such canned response")

// Limits of a canned response, in characters.
const (
	MaxCannedTitle = 80
	MaxCannedText  = 4000
)

// Canned is one canned response.
type Canned struct {
	ID       string    `json:"id"`
	Title    string    `json:"title"`
	Language string    `json:"language"`
	Text     string    `json:"text"`
	Updated  time.Time `json:"updated"`
	Actor    string    `json:"actor"`
}

// SaveCanned writes a canned response: a new one when c.ID is empty, else
// the one with that id.
func (rs *Records) SaveCanned(ctx context.Context, c Canned, actor string) (Canned, error) {
	if err := rs.writable(); err != nil {
		return Canned{}, err
	}
	c.Title, c.Text = strings.TrimSpace(c.Title), strings.TrimSpace(c.Text)
	switch {
	case c.Title == "" || utf8.RuneCountInString(c.Title) > MaxCannedTitle:
		return Canned{}, invalid("a canned response needs a title of at most %d characters", MaxCannedTitle)
	case c.Text == "" || utf8.RuneCountInString(c.Text) > MaxCannedText:
		return Canned{}, invalid("a canned response needs a text of at most %d characters", MaxCannedText)
	case c.Language == "":
		return Canned{}, invalid("a canned response needs a language")
	}
	isNew := c.ID == ""
	if isNew {
		id := make([]byte, 8)
		rand.Read(id)
		c.ID = "cr_" + hex.EncodeToString(id)
	}
	c.Updated, c.Actor = rs.now().UTC(), actor
	v, err := json.Marshal(c)
	if err != nil {
		return Canned{}, fmt.Errorf("encode canned response: %w", err)
	}
	env := Envelope{Type: TypeCannedSaved, Actor: actor, Language: c.Language, Attrs: map[string]string{"canned_id": c.ID}}
	_, err = rs.append(ctx, env, nil, Change{
		Check: func(b Buckets, _ *Envelope) error {
			if isNew {
				return nil
			}
			old, err := b.Get(projCanned, c.ID)
			if err == nil && old == nil {
				err = fmt.Errorf("%q: %w", c.ID, ErrNoCanned)
			}
			return err
		},
		Apply: func(b Buckets, _ uint64) error { return b.Put(projCanned, c.ID, v) },
	})
	if err != nil {
		return Canned{}, fmt.Errorf("save canned response: %w", err)
	}
	return c, nil
}

// DeleteCanned removes a canned response.
func (rs *Records) DeleteCanned(ctx context.Context, id, actor string) error {
	if err := rs.writable(); err != nil {
		return err
	}
	_, err := rs.append(ctx, Envelope{Type: TypeCannedDeleted, Actor: actor, Attrs: map[string]string{"canned_id": id}}, nil, Change{
		Check: func(b Buckets, _ *Envelope) error {
			old, err := b.Get(projCanned, id)
			if err == nil && old == nil {
				err = fmt.Errorf("%q: %w", id, ErrNoCanned)
			}
			return err
		},
		Apply: func(b Buckets, _ uint64) error { return b.Delete(projCanned, id) },
	})
	if err != nil {
		return fmt.Errorf("delete canned response: %w", err)
	}
	return nil
}

// CannedResponses lists the canned responses, by language and title.
func (rs *Records) CannedResponses(ctx context.Context) ([]Canned, error) {
	out := []Canned{}
	err := rs.b.View(ctx, func(b Buckets) error {
		return b.ForEach(projCanned, func(_ string, v []byte) error {
			var c Canned
			if err := json.Unmarshal(v, &c); err != nil {
				return fmt.Errorf("decode canned response: %w", err)
			}
			out = append(out, c)
			return nil
		})
	})
	slices.SortFunc(out, func(a, b Canned) int {
		if a.Language != b.Language {
			return strings.Compare(a.Language, b.Language)
		}
		return strings.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title))
	})
	return out, err
}
