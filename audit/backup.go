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

// TempDirName is the data directory's own folder for temporary files:
// backups are staged there, on the same disk as the store, and removed
// once sent.
const TempDirName = "tmp"

// Backup writes a consistent copy of the store to w while appends go on:
// a tar archive holding keys.db and audit.db, each copied from one read
// transaction (bbolt Tx.WriteTo). The log's transaction starts first, and
// every key is stored before the first event that uses it, so each event
// in the copy has its key in the copy unless it was shredded meanwhile.
//
// The archive is first written to a file in the data directory's temp
// folder, with the transactions held only for that local copy, then
// streamed to w and removed: a reader that stalls holds up nothing but
// itself. (A read transaction held for a whole download would stop every
// write that needs the file to grow, and the key file's rewrite.) A
// read-only store, which has no writer to hold up and may not write,
// streams straight from its transactions.
//
// The master key is not included; keep it apart. Keys shredded after a
// backup remain in that backup: keep backups no longer than the content
// retention period. RestoreBackup unpacks one.
func (s *Store) Backup(ctx context.Context, w io.Writer) (int64, error) {
	if s.opts.ReadOnly {
		cw := &countingWriter{w: w}
		err := s.writeBackup(ctx, cw)
		return cw.n, err
	}
	f, err := s.stageBackup(ctx)
	if err != nil {
		return 0, err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	n, err := io.Copy(w, &ctxReader{ctx: ctx, r: f})
	if err != nil {
		return n, fmt.Errorf("backup: send: %w", err)
	}
	return n, nil
}

// stageBackup writes the archive to a new file in the temp folder and
// returns it, positioned at its start.
func (s *Store) stageBackup(ctx context.Context) (*os.File, error) {
	tmp := filepath.Join(filepath.Dir(s.db.Path()), TempDirName)
	if err := os.MkdirAll(tmp, 0o700); err != nil {
		return nil, fmt.Errorf("backup: %w", err)
	}
	f, err := os.CreateTemp(tmp, "backup-*.tar")
	if err != nil {
		return nil, fmt.Errorf("backup: %w", err)
	}
	err = s.writeBackup(ctx, f)
	if err == nil {
		_, err = f.Seek(0, io.SeekStart)
	}
	if err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return f, nil
}

// removeStagedBackups removes archives a process that died while sending
// a backup left in the temp folder.
func removeStagedBackups(dir string) {
	staged, _ := filepath.Glob(filepath.Join(dir, TempDirName, "backup-*.tar"))
	for _, p := range staged {
		os.Remove(p)
	}
}

// writeBackup writes the tar archive of both files to w.
func (s *Store) writeBackup(ctx context.Context, w io.Writer) error {
	logTx, err := s.db.Begin(false)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer logTx.Rollback()
	tw := tar.NewWriter(w)
	now := s.now().UTC()
	if s.keyFile != nil {
		err := func() error {
			s.keyFile.mu.RLock() // the key file is small; hold off rewrites while it is copied
			defer s.keyFile.mu.RUnlock()
			return s.keyFile.db.View(func(tx *bolt.Tx) error { return writeEntry(tw, KeysFileName, tx, now) })
		}()
		if err != nil {
			return fmt.Errorf("backup keys: %w", err)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := writeEntry(tw, FileName, logTx, now); err != nil {
		return fmt.Errorf("backup log: %w", err)
	}
	if err := tw.Close(); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	return nil
}

// ctxReader stops a copy when its context ends.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
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

// BackupRefused is nil: the embedded store is backed up by Backup.
func (s *Store) BackupRefused() error { return nil }
