package audit

import (
	"context"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Settings made in the console (the widget's appearance) are kept by
// name as JSON; each change is an event naming the setting.

var bucketSettings = []byte("settings")

// Setting returns the value of a console setting, if it was ever set.
func (s *Store) Setting(ctx context.Context, name string) ([]byte, bool, error) {
	var v []byte
	err := s.db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketSettings); b != nil {
			v = append([]byte(nil), b.Get([]byte(name))...)
		}
		return nil
	})
	return v, len(v) > 0, err
}

// PutSetting changes a console setting and records the change.
func (s *Store) PutSetting(ctx context.Context, name string, value []byte, actor string) error {
	if err := s.writable(); err != nil {
		return err
	}
	_, err := s.append(ctx, Envelope{Type: TypeSettingsChanged, Actor: actor, Attrs: map[string]string{"setting": name}}, nil, appendOpts{
		apply: func(tx *bolt.Tx, _ uint64) error { return tx.Bucket(bucketSettings).Put([]byte(name), value) },
	})
	if err != nil {
		return fmt.Errorf("change setting %s: %w", name, err)
	}
	return nil
}
