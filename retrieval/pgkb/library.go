// Package pgkb keeps the knowledge base in PostgreSQL for replicas that
// share a store (--store postgres://...): the documents as ingested
// (after scrubbing, with their versions, URLs, languages and what the
// scrubber counted), their passages, the passages' vectors and the
// vocabulary files in use, with a feed of changes. Each replica keeps its
// own Bleve index and follows the feed (search.Library).
//
// Every change takes the next number of a single head row, which it
// locks until it commits, so changes commit in the order of their
// numbers; it is announced with NOTIFY in its transaction (delivered
// once it has committed). A replica reads from the last number it saw,
// so a notification that never arrives loses nothing: the next one, or
// the periodic read, brings the change along. Changes older than a week
// are forgotten; a replica further behind reads the whole knowledge base
// again.
package pgkb

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/hushdesk/hushdesk/retrieval/pgdb"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

//go:embed schema/*.sql
var schemaFiles embed.FS

// lockMigrate is the advisory lock id of this schema's migrations.
const lockMigrate int64 = 0x6875736864651001

// channel is the NOTIFY channel of the feed.
const channel = "hushdesk_kb"

// keep is how long changes stay in the feed.
const keep = 7 * 24 * time.Hour

var _ search.Library = (*Library)(nil)

// Options configures a Library. The zero value is usable.
type Options struct {
	// MaxConns bounds the connection pool (one more is held to listen).
	// Default 4.
	MaxConns int32
	// Logger receives operational messages. Default slog.Default().
	Logger *slog.Logger
}

// Library is the knowledge base in PostgreSQL. It is safe for concurrent
// use, and any number of Libraries, in any number of processes, may
// share one database.
type Library struct {
	pool *pgxpool.Pool
	log  *slog.Logger

	changed chan struct{}
	stop    context.CancelFunc
	done    chan struct{}
	once    sync.Once

	// lose drops the next notification received (tests).
	lose atomic.Bool
}

// Open connects to the database url names, brings the knowledge base's
// tables up to date (under an advisory lock) and starts listening for
// changes.
func Open(ctx context.Context, url string, opts Options) (*Library, error) {
	if opts.MaxConns <= 0 {
		opts.MaxConns = 4
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	files, err := fs.Sub(schemaFiles, "schema")
	if err != nil {
		return nil, err
	}
	pool, err := pgdb.Open(ctx, url, pgdb.Options{MaxConns: opts.MaxConns + 1,
		Schema: pgdb.Schema{Files: files, Table: "hushdesk_kb_schema", Lock: lockMigrate}})
	if err != nil {
		return nil, err
	}
	l := &Library{pool: pool, log: opts.Logger, changed: make(chan struct{}, 1), done: make(chan struct{})}
	lctx, cancel := context.WithCancel(context.Background())
	l.stop = cancel
	go l.listen(lctx)
	return l, nil
}

// Close stops listening and closes the pool.
func (l *Library) Close() error {
	l.once.Do(func() {
		l.stop()
		<-l.done
		l.pool.Close()
	})
	return nil
}

// Changed receives a value when Read may find something new.
func (l *Library) Changed() <-chan struct{} { return l.changed }

// Documents counts the documents the library holds.
func (l *Library) Documents(ctx context.Context) (int, error) {
	var n int
	if err := l.pool.QueryRow(ctx, `SELECT count(*) FROM kb_documents`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count knowledge-base documents: %w", err)
	}
	return n, nil
}

// signal wakes a reader, without waiting for one.
func (l *Library) signal() {
	select {
	case l.changed <- struct{}{}:
	default:
	}
}

// listen keeps a connection listening on the feed's channel. After a lost
// connection it listens again and signals, since a notification may have
// been missed meanwhile.
func (l *Library) listen(ctx context.Context) {
	defer close(l.done)
	for ctx.Err() == nil {
		err := l.listenOnce(ctx)
		if ctx.Err() != nil {
			return
		}
		l.log.Warn("knowledge-base listener lost its connection; listening again", "err", err)
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
		}
	}
}

func (l *Library) listenOnce(ctx context.Context) error {
	conn, err := l.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer func() {
		// A connection that listened goes, rather than back to the pool.
		conn.Conn().Close(context.Background())
		conn.Release()
	}()
	if _, err := conn.Exec(ctx, "LISTEN "+channel); err != nil {
		return err
	}
	l.signal()
	for {
		if _, err := conn.Conn().WaitForNotification(ctx); err != nil {
			return err
		}
		if l.lose.CompareAndSwap(true, false) {
			continue
		}
		l.signal()
	}
}
