package pgstore

import (
	"context"
	"embed"
	"fmt"
	"io/fs"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

//go:embed schema/*.sql
var schema embed.FS

// connect opens the pool and, unless read-only, brings the schema up to
// date.
func connect(ctx context.Context, url string, opts Options) (*pgxpool.Pool, error) {
	if !IsURL(url) {
		return nil, ErrNotPostgres
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("store URL: %w", err)
	}
	cfg.MaxConns = opts.MaxConns
	cfg.ConnConfig.RuntimeParams["application_name"] = "hushdesk"
	// Every commit waits for its WAL to be flushed, whatever the server's
	// default; the appender sets it again in each transaction.
	cfg.ConnConfig.RuntimeParams["synchronous_commit"] = "on"
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("connect to the store: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("connect to the store: %w", err)
	}
	if !opts.ReadOnly {
		if err := migrate(ctx, pool); err != nil {
			pool.Close()
			return nil, err
		}
	}
	return pool, nil
}

// migrate brings the schema up to date under a session advisory lock.
func migrate(ctx context.Context, pool *pgxpool.Pool) error {
	db := stdlib.OpenDBFromPool(pool)
	defer db.Close()
	locker, err := lock.NewPostgresSessionLocker(lock.WithLockID(lockMigrate), lock.WithLockTimeout(1, 120))
	if err != nil {
		return err
	}
	sub, err := fs.Sub(schema, "schema")
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(goose.DialectPostgres, db, sub,
		goose.WithSessionLocker(locker), goose.WithTableName("hushdesk_audit_schema"), goose.WithDisableGlobalRegistry(true))
	if err != nil {
		return fmt.Errorf("store schema: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("store schema: %w", err)
	}
	return nil
}
