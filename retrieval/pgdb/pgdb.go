// Package pgdb opens the PostgreSQL database that Hushdesk's stores share
// when several replicas run on one: a connection pool with the project's
// settings (the application name, synchronous_commit on whatever the
// server's default) and each store's own schema, migrated with goose
// under a session advisory lock, so that replicas starting together take
// turns. It imports nothing of the project, so that every store may use
// it.
package pgdb

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

// ErrNotPostgres means a store setting is not a postgres:// URL.
var ErrNotPostgres = errors.New("the store must be a postgres:// or postgresql:// URL")

// IsURL reports whether a store setting names PostgreSQL.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Schema is one store's migrations.
type Schema struct {
	// Files holds the goose migrations (NNNNN_name.sql) at its top.
	Files fs.FS
	// Table is goose's version table of this schema; each store has its
	// own, so that their versions do not mix.
	Table string
	// Lock is the advisory lock id the migrations run under.
	Lock int64
}

// Options configures Open.
type Options struct {
	// MaxConns bounds the pool. Default 16.
	MaxConns int32
	// Schema, when its Files are set, is brought up to date unless
	// ReadOnly.
	Schema   Schema
	ReadOnly bool
}

// Open connects to the database url names and pings it; unless read-only
// it brings opts.Schema up to date.
func Open(ctx context.Context, url string, opts Options) (*pgxpool.Pool, error) {
	if !IsURL(url) {
		return nil, ErrNotPostgres
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("store URL: %w", err)
	}
	cfg.MaxConns = opts.MaxConns
	if cfg.MaxConns <= 0 {
		cfg.MaxConns = 16
	}
	cfg.ConnConfig.RuntimeParams["application_name"] = "hushdesk"
	// Every commit waits for its WAL to be flushed, whatever the server's
	// default.
	cfg.ConnConfig.RuntimeParams["synchronous_commit"] = "on"
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("connect to the store: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("connect to the store: %w", err)
	}
	if !opts.ReadOnly && opts.Schema.Files != nil {
		if err := Migrate(ctx, pool, opts.Schema); err != nil {
			pool.Close()
			return nil, err
		}
	}
	return pool, nil
}

// Migrate brings a schema up to date under a session advisory lock
// (waiting up to two minutes for another process's migrations).
func Migrate(ctx context.Context, pool *pgxpool.Pool, s Schema) error {
	db := stdlib.OpenDBFromPool(pool)
	defer db.Close()
	locker, err := lock.NewPostgresSessionLocker(lock.WithLockID(s.Lock), lock.WithLockTimeout(1, 120))
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(goose.DialectPostgres, db, s.Files,
		goose.WithSessionLocker(locker), goose.WithTableName(s.Table), goose.WithDisableGlobalRegistry(true))
	if err != nil {
		return fmt.Errorf("store schema: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("store schema: %w", err)
	}
	return nil
}
