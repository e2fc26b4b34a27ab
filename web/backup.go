package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// backupWriteTimeout is how long the client may take to accept one piece
// of a backup before the download is cut: a stalled client must not keep
// the connection, and the staged copy on disk, forever.
const backupWriteTimeout = time.Minute

// backup answers GET /api/v1/audit/backup (admin): a hot backup of the
// audit store as a tar archive, taken while the server keeps answering.
func (s *Server) backup(c echo.Context) error {
	name := fmt.Sprintf("hushdesk-backup-%s.tar", time.Now().UTC().Format("20060102T150405Z"))
	c.Response().Header().Set("Content-Type", "application/x-tar")
	c.Response().Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name))
	c.Response().WriteHeader(http.StatusOK)
	w := &deadlineWriter{w: c.Response(), rc: http.NewResponseController(c.Response()), timeout: backupWriteTimeout}
	if _, err := s.parts.Log.Backup(c.Request().Context(), w); err != nil {
		s.log.Error("backup failed", "err", err)
	}
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
