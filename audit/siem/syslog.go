package siem

import (
	"bytes"
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"sync/atomic"
	"time"
)

// Syslog sends records as RFC 5424 messages over TLS, each framed by its
// length (RFC 5425 octet counting). The message's MSGID is the event
// type; its structured data element hushdesk@32473 carries seq, hash and
// the main fields; its MSG is the record as JSON.
//
// Syslog over TLS has no acknowledgement, so Syslog is a Settler: a
// record counts as delivered once the collector's TCP acknowledged it
// (where the platform tells), it has been on the connection for Grace,
// and the connection is still open. A failed or closed connection with
// records not yet settled makes the feed send them again (see the
// package documentation).
type Syslog struct {
	// Grace is how long a record must have been on a healthy connection
	// before it counts as delivered. Default 2 s; set it before the feed
	// runs.
	Grace time.Duration

	addr     string
	tls      *tls.Config
	hostname string
	timeout  time.Duration
	conn     *syslogConn
}

var _ Settler = (*Syslog)(nil)

// NewSyslog returns a sink for the collector at addr (host:port).
func NewSyslog(addr string, cfg *tls.Config) *Syslog {
	host, _ := os.Hostname()
	if host == "" {
		host = "-"
	}
	return &Syslog{Grace: 2 * time.Second, addr: addr, tls: cfg, hostname: printable(host, 255), timeout: 10 * time.Second}
}

// syslogConn is one connection to the collector and the records on it
// that have not settled.
type syslogConn struct {
	tls     *tls.Conn
	tcp     *countingConn
	closed  chan struct{} // closed when the reader sees the connection end
	readErr error         // why, set before closed is closed
	pending []written
}

// written is a batch on the wire: its last sequence number, the TCP
// stream offset just past it, and when it was written.
type written struct {
	seq uint64
	end int64
	at  time.Time
}

// countingConn counts the bytes written to the TCP connection, TLS
// records included, so that they can be compared with the send queue.
type countingConn struct {
	net.Conn
	n atomic.Int64
}

func (c *countingConn) Write(b []byte) (int, error) {
	n, err := c.Conn.Write(b)
	c.n.Add(int64(n))
	return n, err
}

// dial connects, and starts reading: a collector never writes to us, so
// a read ends only when the connection does (a close, a reset), which
// the sink then knows without waiting for a write to fail.
func (s *Syslog) dial(ctx context.Context) (*syslogConn, error) {
	nd := &net.Dialer{Timeout: s.timeout}
	raw, err := nd.DialContext(ctx, "tcp", s.addr)
	if err != nil {
		return nil, err
	}
	cfg := s.tls.Clone()
	if cfg == nil {
		cfg = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	if cfg.ServerName == "" {
		host, _, _ := net.SplitHostPort(s.addr)
		cfg.ServerName = host
	}
	tcp := &countingConn{Conn: raw}
	conn := tls.Client(tcp, cfg)
	hctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	if err := conn.HandshakeContext(hctx); err != nil {
		raw.Close()
		return nil, err
	}
	c := &syslogConn{tls: conn, tcp: tcp, closed: make(chan struct{})}
	go func() {
		_, err := io.Copy(io.Discard, conn)
		if err == nil {
			err = io.EOF
		}
		c.readErr = err
		close(c.closed)
	}()
	return c, nil
}

// lost reports whether the connection has ended, and why.
func (c *syslogConn) lost() (bool, error) {
	select {
	case <-c.closed:
		return true, c.readErr
	default:
		return false, nil
	}
}

// Send writes the batch. It fails when the connection was lost with
// records on it that had not settled (the feed must send them again);
// otherwise it dials when it has no connection. On any error the
// connection is dropped.
func (s *Syslog) Send(ctx context.Context, batch []Record) error {
	if s.conn != nil {
		if gone, why := s.conn.lost(); gone {
			pending := len(s.conn.pending) > 0
			s.Close()
			if pending {
				return fmt.Errorf("syslog collector %s: %w: %w", s.addr, ErrConnectionLost, why)
			}
		}
	}
	if s.conn == nil {
		conn, err := s.dial(ctx)
		if err != nil {
			return fmt.Errorf("syslog collector %s: %w: %w", s.addr, ErrUnavailable, err)
		}
		s.conn = conn
	}
	var buf bytes.Buffer
	for _, r := range batch {
		msg, err := s.message(r)
		if err != nil {
			return err
		}
		buf.WriteString(strconv.Itoa(len(msg)))
		buf.WriteByte(' ')
		buf.Write(msg)
	}
	s.conn.tls.SetWriteDeadline(time.Now().Add(s.timeout))
	if _, err := s.conn.tls.Write(buf.Bytes()); err != nil {
		s.Close()
		return fmt.Errorf("syslog collector %s: %w: %w", s.addr, ErrConnectionLost, err)
	}
	s.conn.pending = append(s.conn.pending, written{seq: batch[len(batch)-1].Seq, end: s.conn.tcp.n.Load(), at: time.Now()})
	return nil
}

// Settled returns the last sequence number of the batches that have
// settled: written at least Grace ago, acknowledged by the collector's
// TCP where the platform tells, on a connection still open. When the
// connection has ended with batches that had not settled, it drops the
// connection and returns ErrConnectionLost.
func (s *Syslog) Settled(ctx context.Context) (uint64, error) {
	c := s.conn
	if c == nil {
		return 0, nil
	}
	if gone, why := c.lost(); gone {
		pending := len(c.pending) > 0
		s.Close()
		if pending {
			return 0, fmt.Errorf("syslog collector %s: %w: %w", s.addr, ErrConnectionLost, why)
		}
		return 0, nil
	}
	acked := c.tcp.n.Load()
	if q, ok := sendQueue(c.tcp.Conn); ok {
		acked -= int64(q)
	}
	cut := time.Now().Add(-s.Grace)
	var seq uint64
	for len(c.pending) > 0 && !c.pending[0].at.After(cut) && c.pending[0].end <= acked {
		seq = c.pending[0].seq
		c.pending = c.pending[1:]
	}
	return seq, nil
}

// Close drops the connection, and with it the batches that had not
// settled (a feed sends them again).
func (s *Syslog) Close() error {
	if s.conn == nil {
		return nil
	}
	err := s.conn.tls.Close()
	s.conn = nil
	return err
}
