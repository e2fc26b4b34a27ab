package pgstore

import (
	"context"
	"strings"
	"time"
)

// Notifications on the store's channel are sent in the transaction that
// causes them, and so delivered only once it has committed: "shred SEQ"
// when event SEQ shredded keys, upon which every replica drops its cached
// sealing keys. Nothing depends on their arriving: every append checks at
// commit that its key is not shredded, and every read of content and
// every token lookup reads the table. They only spare a replica a refused
// append.

// listen keeps a connection listening and drops cached keys when told;
// after a lost connection it drops them all, since a notice may have been
// missed.
func (s *Store) listen(ctx context.Context) {
	defer s.jobs.Done()
	for ctx.Err() == nil {
		s.listenOnce(ctx)
		s.sealing.drop()
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
		}
	}
}

func (s *Store) listenOnce(ctx context.Context) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return
	}
	defer func() {
		// A connection that listened goes, rather than back to the pool.
		conn.Conn().Close(context.Background())
		conn.Release()
	}()
	if _, err := conn.Exec(ctx, "LISTEN "+channel); err != nil {
		return
	}
	for {
		n, err := conn.Conn().WaitForNotification(ctx)
		if err != nil {
			if ctx.Err() == nil {
				s.log.Warn("audit store listener lost its connection; listening again", "err", err)
			}
			return
		}
		if strings.HasPrefix(n.Payload, "shred") {
			s.sealing.drop()
		}
	}
}
