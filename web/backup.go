package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/audit"
)

// backupWriteTimeout is how long the client may take to accept one piece
// of a backup before the download is cut: a stalled client must not keep
// the connection, and the staged copy on disk, forever.
const backupWriteTimeout = time.Minute

// backup answers GET /api/v1/audit/backup (admin, bearer tokens) and
// POST /api/v1/audit/backup (the console, with its CSRF token): a hot backup of the
// audit store as a tar archive, taken while the server keeps answering.
func (s *Server) backup(c echo.Context) error {
	// A store backed up by other means (PostgreSQL's own tools) says so
	// before anything is sent.
	if err := s.parts.Log.BackupRefused(); err != nil {
		return err
	}
	name := fmt.Sprintf("hushdesk-backup-%s.tar", time.Now().UTC().Format("20060102T150405Z"))
	c.Response().Header().Set("Content-Type", "application/x-tar")
	c.Response().Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name))
	c.Response().WriteHeader(http.StatusOK)
	w := &deadlineWriter{w: c.Response(), rc: http.NewResponseController(c.Response()), timeout: backupWriteTimeout}
	n, err := s.parts.Log.Backup(c.Request().Context(), w)
	outcome := "complete"
	if err != nil {
		s.log.Error("backup failed", "err", err)
		outcome = "failed"
	}
	s.recordSecurity(c, audit.Envelope{Type: audit.TypeBackup, Actor: principal(c).Actor(), Outcome: outcome,
		Attrs: map[string]string{"bytes": strconv.FormatInt(n, 10)}})
	return nil
}

// deadlineWriter gives every write to a response its own deadline.
type deadlineWriter struct {
	w       io.Writer
	rc      *http.ResponseController
	timeout time.Duration
}

func (d *deadlineWriter) Write(p []byte) (int, error) {
	if err := d.rc.SetWriteDeadline(time.Now().Add(d.timeout)); err != nil && !errors.Is(err, http.ErrNotSupported) {
		return 0, err
	}
	return d.w.Write(p)
}
