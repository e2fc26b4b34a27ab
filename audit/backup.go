package audit

import (
	"archive/tar"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Backup writes a consistent copy of the store to w while appends go on:
// a tar archive holding keys.db and audit.db, each copied from one read
// transaction (bbolt Tx.WriteTo). The log's transaction starts first, and
// every key is stored before the first event that uses it, so each event
// in the copy has its key in the copy unless it was shredded meanwhile.
// The master key is not included; keep it apart. Keys shredded after a
// backup remain in that backup: keep backups no longer than the content
// retention period. RestoreBackup unpacks one.
func (s *Store) Backup(ctx context.Context, w io.Writer) (int64, error) {
	logTx, err := s.db.Begin(false)
	if err != nil {
		return 0, fmt.Errorf("backup: %w", err)
	}
	defer logTx.Rollback()
	cw := &countingWriter{w: w}
	tw := tar.NewWriter(cw)
	now := s.now().UTC()
	if s.keyFile != nil {
		err := func() error {
			s.keyFile.mu.RLock() // the key file is small; hold off rewrites while it is copied
			defer s.keyFile.mu.RUnlock()
			return s.keyFile.db.View(func(tx *bolt.Tx) error { return writeEntry(tw, KeysFileName, tx, now) })
		}()
		if err != nil {
			return cw.n, fmt.Errorf("backup keys: %w", err)
		}
	}
	if err := ctx.Err(); err != nil {
		return cw.n, err
	}
	if err := writeEntry(tw, FileName, logTx, now); err != nil {
		return cw.n, fmt.Errorf("backup log: %w", err)
	}
	if err := tw.Close(); err != nil {
		return cw.n, fmt.Errorf("backup: %w", err)
	}
	return cw.n, nil
}

func writeEntry(tw *tar.Writer, name string, tx *bolt.Tx, mod time.Time) error {
	hdr := &tar.Header{Name: name, Mode: 0o600, Size: tx.Size(), ModTime: mod, Typeflag: tar.TypeReg}
	if err := tw.WriteHeader(hdr); err != nil {
		return err
	}
	_, err := tx.WriteTo(tw)
	return err
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// RestoreBackup unpacks a backup written by Backup into dir, which must
// not hold a store yet. Open it with the master key it was made under.
func RestoreBackup(ctx context.Context, r io.Reader, dir string) error {
	if _, err := os.Stat(filepath.Join(dir, FileName)); err == nil {
		return fmt.Errorf("restore: %s already holds an audit store", dir)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	tr := tar.NewReader(r)
	seen := map[string]bool{}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("restore: %w", err)
		}
		if hdr.Name != FileName && hdr.Name != KeysFileName || seen[hdr.Name] {
			return fmt.Errorf("restore: unexpected entry %q: %w", hdr.Name, ErrInvalid)
		}
		seen[hdr.Name] = true
		if err := writeFileSync(filepath.Join(dir, hdr.Name), tr); err != nil {
			return fmt.Errorf("restore %s: %w", hdr.Name, err)
		}
	}
	if !seen[FileName] {
		return fmt.Errorf("restore: the backup holds no %s: %w", FileName, ErrInvalid)
	}
	return syncDir(dir)
}

func writeFileSync(path string, r io.Reader) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
