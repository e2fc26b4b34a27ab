package pgstore

import (
	"context"
	"embed"
	"io/fs"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/hushdesk/hushdesk/retrieval/pgdb"
)

//go:embed schema/*.sql
var schema embed.FS

// connect opens the pool and, unless read-only, brings the log's schema
// up to date (pgdb: the settings and migrations every store shares).
func connect(ctx context.Context, url string, opts Options) (*pgxpool.Pool, error) {
	sub, err := fs.Sub(schema, "schema")
	if err != nil {
		return nil, err
	}
	return pgdb.Open(ctx, url, pgdb.Options{MaxConns: opts.MaxConns, ReadOnly: opts.ReadOnly,
		Schema: pgdb.Schema{Files: sub, Table: "hushdesk_audit_schema", Lock: lockMigrate}})
}
