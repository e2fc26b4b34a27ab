package web

import (
	"fmt"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// backup answers GET /api/v1/audit/backup (admin): a hot backup of the
// audit store as a tar archive, taken while the server keeps answering.
func (s *Server) backup(c echo.Context) error {
	name := fmt.Sprintf("hushdesk-backup-%s.tar", time.Now().UTC().Format("20060102T150405Z"))
	c.Response().Header().Set("Content-Type", "application/x-tar")
	c.Response().Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name))
	c.Response().WriteHeader(http.StatusOK)
	if _, err := s.parts.Log.Backup(c.Request().Context(), c.Response()); err != nil {
		s.log.Error("backup failed", "err", err)
	}
	return nil
}
