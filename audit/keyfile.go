package audit

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// KeysFileName is the file in the data directory that holds the wrapped
// content keys. It is kept apart from the log so that shredding a key can
// rewrite it whole: bbolt leaves deleted values in freed pages, so a key
// deleted in place would linger in the file until the page is reused.
const KeysFileName = "keys.db"

var bucketDataKeys = []byte("keys")

// keyFile is the small bbolt file of wrapped content keys. Reads share
// mu; writes and the rewrite that drops shredded keys hold it alone.
type keyFile struct {
	mu       sync.RWMutex
	path     string
	db       *bolt.DB
	readOnly bool
	timeout  time.Duration
	// fault, when set (by tests, under mu), fails a rewrite as a full
	// disk would.
	fault func() error
}

func openKeyFile(dir string, readOnly bool, timeout time.Duration) (*keyFile, error) {
	f := &keyFile{path: filepath.Join(dir, KeysFileName), readOnly: readOnly, timeout: timeout}
	if readOnly {
		if _, err := os.Stat(f.path); err != nil {
			return nil, nil // an older store, or one that never held content
		}
	} else {
		// A rewrite that died before its rename leaves a temporary file.
		if err := os.Remove(f.path + ".tmp"); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("remove stale key file: %w", err)
		}
	}
	if err := f.open(); err != nil {
		return nil, err
	}
	return f, nil
}

func (f *keyFile) open() error {
	db, err := bolt.Open(f.path, 0o600, &bolt.Options{Timeout: f.timeout, ReadOnly: f.readOnly})
	if errors.Is(err, berrors.ErrTimeout) {
		return fmt.Errorf("%s: %w", f.path, ErrLocked)
	}
	if err != nil {
		return fmt.Errorf("open key file %s: %w", f.path, err)
	}
	if !f.readOnly {
		err = db.Update(func(tx *bolt.Tx) error {
			_, err := tx.CreateBucketIfNotExists(bucketDataKeys)
			return err
		})
		if err != nil {
			db.Close()
			return fmt.Errorf("init key file: %w", err)
		}
	}
	f.db = db
	return nil
}

func (f *keyFile) close() error {
	if f == nil {
		return nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.db.Close()
}

// view runs fn in a read transaction on the keys bucket.
func (f *keyFile) view(fn func(b *bolt.Bucket) error) error {
	f.mu.RLock()
	defer f.mu.RUnlock()
	return f.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDataKeys)
		if b == nil {
			return nil
		}
		return fn(b)
	})
}

// get returns a copy of the wrapped key kid, or nil.
func (f *keyFile) get(kid string) ([]byte, error) {
	var out []byte
	err := f.view(func(b *bolt.Bucket) error {
		if v := b.Get([]byte(kid)); v != nil {
			out = bytes.Clone(v)
		}
		return nil
	})
	return out, err
}

// put stores wrapped keys durably (one fsync).
func (f *keyFile) put(keys map[string][]byte) error {
	f.mu.RLock() // the rewrite, not other puts, must wait; bbolt serialises writers
	defer f.mu.RUnlock()
	return f.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDataKeys)
		for kid, w := range keys {
			if err := b.Put([]byte(kid), w); err != nil {
				return fmt.Errorf("put key %s: %w", kid, err)
			}
		}
		return nil
	})
}

// each calls fn for every stored key.
func (f *keyFile) each(fn func(kid string, wrapped []byte)) error {
	return f.view(func(b *bolt.Bucket) error {
		return b.ForEach(func(k, v []byte) error { fn(string(k), v); return nil })
	})
}

// rewrite copies every key that drop does not select into a fresh file,
// syncs it, renames it over the old one and overwrites the old file's
// blocks with zeros, so that dropped keys remain in no file. It returns
// how many keys were dropped.
func (f *keyFile) rewrite(drop func(kid string) bool) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	tmp := f.path + ".tmp"
	dst, err := bolt.Open(tmp, 0o600, &bolt.Options{Timeout: f.timeout})
	if err != nil {
		return 0, fmt.Errorf("create key file: %w", err)
	}
	dropped := 0
	err = f.db.View(func(src *bolt.Tx) error {
		return dst.Update(func(tx *bolt.Tx) error {
			if f.fault != nil {
				if err := f.fault(); err != nil {
					return err
				}
			}
			out, err := tx.CreateBucket(bucketDataKeys)
			if err != nil {
				return err
			}
			return src.Bucket(bucketDataKeys).ForEach(func(k, v []byte) error {
				if drop(string(k)) {
					dropped++
					return nil
				}
				return out.Put(k, v)
			})
		})
	})
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return 0, fmt.Errorf("rewrite key file: %w", err)
	}
	old, err := os.OpenFile(f.path, os.O_WRONLY, 0)
	if err != nil {
		os.Remove(tmp)
		return 0, fmt.Errorf("open old key file: %w", err)
	}
	defer old.Close()
	if err := f.db.Close(); err != nil {
		return 0, fmt.Errorf("close key file: %w", err)
	}
	if err := os.Rename(tmp, f.path); err != nil {
		if oerr := f.open(); oerr != nil {
			return 0, errors.Join(fmt.Errorf("replace key file: %w", err), oerr)
		}
		return 0, fmt.Errorf("replace key file: %w", err)
	}
	if err := syncDir(filepath.Dir(f.path)); err != nil {
		return 0, errors.Join(err, f.open())
	}
	if err := f.open(); err != nil {
		return 0, err
	}
	// The old file is no longer in the directory; scrub its blocks too,
	// best effort (a copy-on-write file system keeps them regardless).
	if err := zeroFile(old); err != nil {
		return dropped, fmt.Errorf("scrub old key file: %w", err)
	}
	return dropped, nil
}

func zeroFile(f *os.File) error {
	st, err := f.Stat()
	if err != nil {
		return err
	}
	zero := make([]byte, 64<<10)
	for off := int64(0); off < st.Size(); off += int64(len(zero)) {
		n := min(int64(len(zero)), st.Size()-off)
		if _, err := f.WriteAt(zero[:n], off); err != nil {
			return err
		}
	}
	return f.Sync()
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("open data directory: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync data directory: %w", err)
	}
	return nil
}
