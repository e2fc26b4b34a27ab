package pgstore

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/hushdesk/hushdesk/audit"
)

// kekRing holds the key-encryption keys this replica was given, by
// version. Version 0 is the embedded store's, derived from the master key.
type kekRing struct {
	byVersion map[int]*audit.KeyWrapper
	current   int
	file      string // the KEK file, when the keys came from one
}

// ErrKEK means a content key is wrapped by a KEK version this replica was
// not given, or the KEK setting is malformed.
var ErrKEK = errors.New("key-encryption key")

func loadKEKs(master []byte, o Options) (*kekRing, error) {
	mk, err := audit.NewKeys(master)
	if err != nil {
		return nil, err
	}
	r := &kekRing{byVersion: map[int]*audit.KeyWrapper{0: mk.ContentKeyWrapper()}, file: o.KEKFile}
	var lines []string
	switch {
	case o.KEKFile != "" && o.KEKs != "":
		return nil, fmt.Errorf("give the KEKs in a file or in the environment, not both: %w", ErrKEK)
	case o.KEKFile != "":
		lines, err = readKEKFile(o.KEKFile)
		if err != nil {
			return nil, err
		}
	case o.KEKs != "":
		lines = strings.Split(o.KEKs, ",")
	}
	for _, l := range lines {
		v, k, ok := strings.Cut(strings.TrimSpace(strings.Replace(l, ":", " ", 1)), " ")
		version, err := strconv.Atoi(v)
		raw, herr := hex.DecodeString(strings.TrimSpace(k))
		if !ok || err != nil || version < 1 || herr != nil || len(raw) != 32 {
			return nil, fmt.Errorf("a KEK is \"VERSION HEX\" with a version from 1 and 64 hex digits: %w", ErrKEK)
		}
		w, err := audit.NewKeyWrapper(raw)
		clear(raw)
		if err != nil {
			return nil, err
		}
		r.byVersion[version] = w
		r.current = max(r.current, version)
	}
	return r, nil
}

// readKEKFile returns the file's lines that hold a key. A file readable
// by group or others is refused.
func readKEKFile(path string) ([]string, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil // the first rotation creates it
	}
	if err != nil {
		return nil, fmt.Errorf("read KEK file: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("KEK file %s has mode %o; it must be readable by its owner only (chmod 600): %w", path, st.Mode().Perm(), ErrKEK)
	}
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out, sc.Err()
}

// writeKEKFile replaces the KEK file with the versions given, synced and
// renamed into place.
func writeKEKFile(path string, keys map[int][]byte) error {
	var b strings.Builder
	b.WriteString("# Hushdesk key-encryption keys: VERSION HEX. Keep outside the database and its backups.\n")
	versions := make([]int, 0, len(keys))
	for v := range keys {
		versions = append(versions, v)
	}
	slices.Sort(versions)
	for _, v := range versions {
		fmt.Fprintf(&b, "%d %s\n", v, hex.EncodeToString(keys[v]))
	}
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("write KEK file: %w", err)
	}
	if _, err := f.WriteString(b.String()); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write KEK file: %w", err)
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// register records the versions this replica holds.
func (r *kekRing) register(ctx context.Context, tx pgx.Tx, now time.Time) error {
	for v := range r.byVersion {
		if _, err := tx.Exec(ctx, `INSERT INTO audit_kek_versions (version, created) VALUES ($1, $2) ON CONFLICT DO NOTHING`, v, now); err != nil {
			return fmt.Errorf("record KEK version: %w", err)
		}
	}
	return nil
}

func (r *kekRing) wrapper(version int) (*audit.KeyWrapper, error) {
	w := r.byVersion[version]
	if w == nil {
		return nil, fmt.Errorf("version %d is not given to this replica (KEK file or HUSHDESK_KEKS): %w", version, ErrKEK)
	}
	return w, nil
}

// sealKey is the key an owner's new content is sealed with.
type sealKey struct {
	key      audit.ContentKey
	owner    string
	version  int
	wrapped  []byte
	assigned time.Time
	recorded bool // its row is in audit_content_keys
}

// sealCache holds each owner's sealing key; emptied when keys are
// shredded anywhere.
type sealCache struct {
	mu    sync.Mutex
	epoch uint64
	m     map[string]*sealKey
}

const maxCachedKeys = 1 << 16

func (c *sealCache) get(owner string) (*sealKey, uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[owner], c.epoch
}

func (c *sealCache) put(k *sealKey, epoch uint64) *sealKey {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.epoch != epoch {
		return k // shredded meanwhile: use it once, the commit check decides
	}
	if c.m == nil || len(c.m) >= maxCachedKeys {
		c.m = make(map[string]*sealKey)
	}
	if cur := c.m[k.owner]; cur != nil && cur.assigned.After(k.assigned) {
		return cur
	}
	c.m[k.owner] = k
	return k
}

// drop forgets the owners' keys, or every key when owners is nil.
func (c *sealCache) drop(owners ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.epoch++
	if owners == nil {
		c.m = nil
		return
	}
	for _, o := range owners {
		delete(c.m, o)
	}
}

func (c *sealCache) recorded(k *sealKey) {
	c.mu.Lock()
	k.recorded = true
	c.mu.Unlock()
}

func (s *Store) fresh(assigned time.Time) bool { return s.now().Sub(assigned) < s.opts.KeyRotation }

// sealingKey returns the key owner's new content is sealed with: the
// cached one while fresh, the latest in the table while fresh, or a new
// one, whose row the writer inserts with the first event sealed with it.
func (s *Store) sealingKey(ctx context.Context, owner string) (*sealKey, error) {
	k, epoch := s.sealing.get(owner)
	if k != nil && s.fresh(k.assigned) {
		return k, nil
	}
	var kid string
	var version int
	var wrapped []byte
	var assigned time.Time
	var err error
	for try := 0; try < 3; try++ { // a connection cut under it is tried again on another
		err = s.pool.QueryRow(ctx, `SELECT kid, kek_version, wrapped, assigned FROM audit_content_keys
			WHERE owner = $1 ORDER BY assigned DESC LIMIT 1`, owner).Scan(&kid, &version, &wrapped, &assigned)
		if err == nil || errors.Is(err, pgx.ErrNoRows) || !transient(err) || ctx.Err() != nil {
			break
		}
	}
	switch {
	case err == nil && s.fresh(assigned):
		w, err := s.keks.wrapper(version)
		if err != nil {
			return nil, err
		}
		ck, err := audit.OpenContentKey(w, kid, wrapped)
		if err != nil {
			return nil, err
		}
		k = &sealKey{key: ck, owner: owner, version: version, wrapped: wrapped, assigned: assigned, recorded: true}
	case err == nil, errors.Is(err, pgx.ErrNoRows):
		now := s.now().UTC()
		w, _ := s.keks.wrapper(s.keks.current)
		ck, wrapped, err := audit.NewContentKey(w, now)
		if err != nil {
			return nil, err
		}
		k = &sealKey{key: ck, owner: owner, version: s.keks.current, wrapped: wrapped, assigned: now}
	default:
		return nil, fmt.Errorf("read key of %s: %w", owner, err)
	}
	return s.sealing.put(k, epoch), nil
}

// readingKeys returns the live keys among kids; a key missing from the
// result is shredded. It reads the table every time, so a key shredded
// by any replica is refused at once.
func (s *Store) readingKeys(ctx context.Context, q querier, kids []string) (map[string]audit.ContentKey, error) {
	out := make(map[string]audit.ContentKey, len(kids))
	if len(kids) == 0 {
		return out, nil
	}
	rows, err := q.Query(ctx, `SELECT kid, kek_version, wrapped FROM audit_content_keys WHERE kid = ANY($1)`, kids)
	if err != nil {
		return nil, fmt.Errorf("read content keys: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var kid string
		var version int
		var wrapped []byte
		if err := rows.Scan(&kid, &version, &wrapped); err != nil {
			return nil, err
		}
		w, err := s.keks.wrapper(version)
		if err != nil {
			return nil, err
		}
		k, err := audit.OpenContentKey(w, kid, wrapped)
		if err != nil {
			return nil, err
		}
		out[kid] = k
	}
	return out, rows.Err()
}

// newKEK makes 32 random bytes for a new KEK version.
func newKEK() ([]byte, error) {
	k := make([]byte, 32)
	_, err := rand.Read(k)
	return k, err
}
