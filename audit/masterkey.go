package audit

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// MasterKeyFile is the name of the master key file in the data directory.
const MasterKeyFile = "master.key"

// masterKey is the master key and where it came from.
type masterKey struct {
	key []byte
	// inDataDir is set when the key is the file in the data directory:
	// then whoever can read the data directory holds it too.
	inDataDir bool
}

// loadMasterKey returns the master key: the given one when set (64 hex
// digits), else the key file named by file, else master.key in dir. Only
// when create is set, and nothing else names a key, is master.key made
// (mode 0600); otherwise a missing key is a nil key and no error. A key
// file readable by group or others is refused. The key never appears in
// an error.
func loadMasterKey(dir, given, file string, create bool) (masterKey, error) {
	switch {
	case given != "" && file != "":
		return masterKey{}, invalid("give the master key either in the environment or in a file, not both")
	case given != "":
		k, err := hex.DecodeString(strings.TrimSpace(given))
		if err != nil || len(k) != 32 {
			return masterKey{}, fmt.Errorf("master key must be 64 hex digits: %w", ErrBadMasterKey)
		}
		return masterKey{key: k}, nil
	case file != "":
		k, err := readKeyFile(file)
		if errors.Is(err, fs.ErrNotExist) {
			return masterKey{}, fmt.Errorf("master key file %s does not exist: %w", file, ErrBadMasterKey)
		}
		// A key file named inside the data directory is copied with it,
		// as the default one is, and is warned of as it is.
		return masterKey{key: k, inDataDir: within(dir, file)}, err
	}
	path := filepath.Join(dir, MasterKeyFile)
	k, err := readKeyFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) && create:
		k, err = createKeyFile(path)
	case errors.Is(err, fs.ErrNotExist):
		return masterKey{}, nil
	}
	if err != nil {
		return masterKey{}, err
	}
	return masterKey{key: k, inDataDir: true}, nil
}

// within reports whether path is inside dir, links resolved.
func within(dir, path string) bool {
	resolve := func(p string) string {
		if a, err := filepath.Abs(p); err == nil {
			p = a
		}
		if r, err := filepath.EvalSymlinks(p); err == nil {
			p = r
		}
		return p
	}
	rel, err := filepath.Rel(resolve(dir), resolve(path))
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// readKeyFile reads a master key file: 64 hex digits, readable by its
// owner only.
func readKeyFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read master key: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("read master key: %w", err)
	}
	if perm := st.Mode().Perm(); perm&0o077 != 0 {
		return nil, fmt.Errorf("master key file %s has mode %o; it must be readable by its owner only (chmod 600): %w",
			path, perm, ErrBadMasterKey)
	}
	b := make([]byte, 256)
	n, err := f.Read(b)
	if err != nil {
		return nil, fmt.Errorf("read master key: %w", err)
	}
	k, err := hex.DecodeString(strings.TrimSpace(string(b[:n])))
	clear(b)
	if err != nil || len(k) != 32 {
		return nil, fmt.Errorf("master key file %s does not hold 64 hex digits: %w", path, ErrBadMasterKey)
	}
	return k, nil
}

func createKeyFile(path string) ([]byte, error) {
	k := make([]byte, 32)
	if _, err := rand.Read(k); err != nil {
		return nil, fmt.Errorf("generate master key: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("create master key: %w", err)
	}
	if _, err := f.WriteString(hex.EncodeToString(k) + "\n"); err != nil {
		f.Close()
		return nil, fmt.Errorf("write master key: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return nil, fmt.Errorf("sync master key: %w", err)
	}
	return k, f.Close()
}
