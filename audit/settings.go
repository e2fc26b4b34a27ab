package audit

import (
	"context"
	"fmt"
)

// Settings made in the console (the widget's appearance) are kept by
// name as JSON; each change is an event naming the setting.

var bucketSettings = []byte(projSettings)

// Setting returns the value of a console setting, if it was ever set.
func (rs *Records) Setting(ctx context.Context, name string) ([]byte, bool, error) {
	var v []byte
	err := rs.b.View(ctx, func(b Buckets) error {
		got, err := b.Get(projSettings, name)
		v = append([]byte(nil), got...)
		return err
	})
	return v, len(v) > 0, err
}

// PutSetting changes a console setting and records the change.
func (rs *Records) PutSetting(ctx context.Context, name string, value []byte, actor string) error {
	if err := rs.writable(); err != nil {
		return err
	}
	_, err := rs.append(ctx, Envelope{Type: TypeSettingsChanged, Actor: actor, Attrs: map[string]string{"setting": name}}, nil, Change{
		Apply: func(b Buckets, _ uint64) error { return b.Put(projSettings, name, value) },
	})
	if err != nil {
		return fmt.Errorf("change setting %s: %w", name, err)
	}
	return nil
}
