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
	bolt "go.etcd.io/bbolt"
)

// Canned responses are the answers admins write for agents to insert
// into their replies, one language each. They are company text, checked
// for personal data by the caller before they are saved; saving and
// removing one is an event naming it, not its text.

var bucketCanned = []byte("canned")

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
func (s *Store) SaveCanned(ctx context.Context, c Canned, actor string) (Canned, error) {
	if err := s.writable(); err != nil {
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
	c.Updated, c.Actor = s.now().UTC(), actor
	v, err := json.Marshal(c)
	if err != nil {
		return Canned{}, fmt.Errorf("encode canned response: %w", err)
	}
	env := Envelope{Type: TypeCannedSaved, Actor: actor, Language: c.Language, Attrs: map[string]string{"canned_id": c.ID}}
	_, err = s.append(ctx, env, nil, appendOpts{
		check: func(tx *bolt.Tx, _ *Envelope) error {
			if !isNew && tx.Bucket(bucketCanned).Get([]byte(c.ID)) == nil {
				return fmt.Errorf("%q: %w", c.ID, ErrNoCanned)
			}
			return nil
		},
		apply: func(tx *bolt.Tx, _ uint64) error { return tx.Bucket(bucketCanned).Put([]byte(c.ID), v) },
	})
	if err != nil {
		return Canned{}, fmt.Errorf("save canned response: %w", err)
	}
	return c, nil
}

// DeleteCanned removes a canned response.
func (s *Store) DeleteCanned(ctx context.Context, id, actor string) error {
	if err := s.writable(); err != nil {
		return err
	}
	_, err := s.append(ctx, Envelope{Type: TypeCannedDeleted, Actor: actor, Attrs: map[string]string{"canned_id": id}}, nil, appendOpts{
		check: func(tx *bolt.Tx, _ *Envelope) error {
			if tx.Bucket(bucketCanned).Get([]byte(id)) == nil {
				return fmt.Errorf("%q: %w", id, ErrNoCanned)
			}
			return nil
		},
		apply: func(tx *bolt.Tx, _ uint64) error { return tx.Bucket(bucketCanned).Delete([]byte(id)) },
	})
	if err != nil {
		return fmt.Errorf("delete canned response: %w", err)
	}
	return nil
}

// CannedResponses lists the canned responses, by language and title.
func (s *Store) CannedResponses(ctx context.Context) ([]Canned, error) {
	out := []Canned{}
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketCanned)
		if b == nil {
			return nil
		}
		return b.ForEach(func(_, v []byte) error {
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
