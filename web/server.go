package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference"
)

// Asker answers a customer's question.
type Asker interface {
	Ask(ctx context.Context, q inference.Question, stream *inference.Stream) (inference.Reply, error)
}

// Transcripts reads a conversation's events back from the log.
type Transcripts interface {
	Conversation(ctx context.Context, ref string) ([]audit.Event, error)
	ConversationRef(capability string) string
}

// Check is a readiness check: nil when the part it checks is ready.
type Check func(ctx context.Context) error

// Options configures a Server.
type Options struct {
	// Addr is the listen address. Default 127.0.0.1:8080.
	Addr string
	// TLSCert and TLSKey, when both set, serve HTTPS.
	TLSCert, TLSKey string
	// MaxBodyBytes bounds request bodies. Default 64 KiB.
	MaxBodyBytes int64
	// Ready lists the readiness checks by name.
	Ready map[string]Check
	// AllowedOrigins are the sites that may embed the widget (CORS on the
	// customer endpoints) and frame the chat page. Empty: none.
	AllowedOrigins []string
	// AskRatePerMinute bounds questions per client address. Default 30;
	// negative turns the limit off.
	AskRatePerMinute int
	// SubjectSecret, when set, is the key the embedding site signs
	// customer ids with (see SignSubject); unsigned ids are refused.
	SubjectSecret string
	// TrustProxy reads client addresses from X-Forwarded-For (set it
	// behind a reverse proxy on a private network only).
	TrustProxy bool
	// MaxQuestionChars is the longest question, told to the widget.
	MaxQuestionChars int
	// ConfigView is the running configuration without secrets, shown to
	// admins at GET /api/v1/config.
	ConfigView map[string]any
	// Company is the organisation's name shown on the chat page.
	Company string
	// Auth checks bearer tokens; nil means no endpoint needing a role can
	// be used.
	Auth Authenticator
	// Feedback takes ratings of answers; nil disables POST /api/v1/feedback.
	Feedback FeedbackRecorder
	// Knowledge is the knowledge base behind /api/v1/documents (admin);
	// KnowledgeAudit records its changes. Nil Knowledge disables the
	// endpoints.
	Knowledge      KnowledgeBase
	KnowledgeAudit KnowledgeAudit
	// The compliance side, all backed by the audit store; nil disables
	// the endpoints that need them.
	AuditLog     AuditLog
	AuditBrowser AuditBrowser
	Pseudonyms   Pseudonyms
	Subjects     SubjectRights
	Requests     RequestLog
	Holds        LegalHolds
	Transparency Transparency
	Tokens       TokenAdmin
	Backup       Backuper
	Checkpointer Checkpointer
	// The agent queue; nil Queue disables the hand-off endpoints.
	Queue        Queue
	QueueActions QueueActions
	Desk         AgentDesk
	// Support computes the support report (agent); nil disables it.
	Support SupportReporter
	// Webhook, when set, is told about every hand-off change.
	Webhook *Webhook
	// Forgetter drops a conversation's in-memory state when the customer
	// erases it.
	Forgetter Forgetter
	// ModelAvailable reports whether the chat model answers, for metrics.
	ModelAvailable func() bool
	Logger         *slog.Logger
}

// Server is the HTTP server.
type Server struct {
	echo        *echo.Echo
	opts        Options
	log         *slog.Logger
	asker       Asker
	transcripts Transcripts
	metrics     *metrics
	sessions    *sessions
	manifests   *manifestCache
	hub         *hub
	closing     chan struct{} // closed when the server shuts down
}

// New builds the server and its routes.
func New(asker Asker, transcripts Transcripts, opts Options) *Server {
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:8080"
	}
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = 64 << 10
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Company == "" {
		opts.Company = "Hushdesk"
	}
	if opts.AskRatePerMinute == 0 {
		opts.AskRatePerMinute = 30
	}
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	s := &Server{echo: e, opts: opts, log: opts.Logger, asker: asker, transcripts: transcripts, sessions: newSessions(),
		manifests: newManifestCache(), hub: newHub(), closing: make(chan struct{})}
	s.metrics = newMetrics(opts.ModelAvailable)
	e.HTTPErrorHandler = s.errorHandler
	e.Use(middleware.RecoverWithConfig(middleware.RecoverConfig{DisableStackAll: true, LogErrorFunc: s.logPanic}))
	e.Use(s.accessLog)
	if opts.TrustProxy {
		e.IPExtractor = echo.ExtractIPFromXFFHeader()
	} else {
		e.IPExtractor = echo.ExtractIPDirect()
	}
	e.Use(s.securityHeaders)
	e.Use(s.cors())
	e.Use(s.rateLimit())
	bodyLimit := middleware.BodyLimitWithConfig(middleware.BodyLimitConfig{
		Limit: fmt.Sprintf("%dB", opts.MaxBodyBytes),
		Skipper: func(c echo.Context) bool {
			return c.Path() == "/api/v1/documents" && c.Request().Method == "POST"
		},
	})
	e.Use(bodyLimit)

	e.GET("/healthz", s.healthz)
	e.GET("/readyz", s.readyz)
	e.GET("/metrics", echo.WrapHandler(s.metrics.handler()))
	api := e.Group("/api/v1")
	api.POST("/ask", s.ask)
	api.GET("/conversations/:id", s.conversation)
	api.POST("/feedback", s.feedback)
	api.GET("/widget/config", s.widgetConfig)
	if opts.ConfigView != nil {
		api.GET("/config", s.runningConfig, s.requireRole(RoleAdmin))
	}
	s.routeCompliance(api)
	s.routeQueue(api)
	if opts.Knowledge != nil {
		admin := s.requireRole(RoleAdmin)
		api.GET("/documents", s.listDocuments, admin)
		api.POST("/documents", s.uploadDocuments, admin, middleware.BodyLimit(fmt.Sprintf("%dB", maxUploadBytes)))
		api.DELETE("/documents", s.deleteDocuments, admin)
		api.POST("/documents/reindex", s.reindexDocuments, admin)
	}
	e.POST("/console/login", s.login)
	e.POST("/console/logout", s.logout)
	e.GET("/console/session", s.whoami)
	s.routeUI()
	s.routeWidgetAndConsole()
	return s
}

// Handler returns the server's HTTP handler, for tests.
func (s *Server) Handler() http.Handler { return s.echo }

// Run listens on the configured address and serves until ctx ends.
func (s *Server) Run(ctx context.Context) error {
	ln, err := net.Listen("tcp", s.opts.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", s.opts.Addr, err)
	}
	return s.Serve(ctx, ln)
}

// Serve serves on ln until ctx ends, then shuts down gracefully.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.echo,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	var once sync.Once
	srv.RegisterOnShutdown(func() { once.Do(func() { close(s.closing) }) })
	errc := make(chan error, 1)
	go func() {
		var err error
		if s.opts.TLSCert != "" && s.opts.TLSKey != "" {
			err = srv.ServeTLS(ln, s.opts.TLSCert, s.opts.TLSKey)
		} else {
			err = srv.Serve(ln)
		}
		errc <- err
	}()
	s.log.Info("listening", "addr", ln.Addr().String(), "tls", s.opts.TLSCert != "")
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// accessLog logs one line per request with the route template (never the
// raw path or query, which may carry a conversation capability).
func (s *Server) accessLog(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if err != nil {
			c.Error(err)
		}
		route := c.Path()
		if route == "" {
			route = "unmatched"
		}
		status := c.Response().Status
		d := time.Since(start)
		s.metrics.observeHTTP(c.Request().Method, route, status, d)
		level := slog.LevelInfo
		if route == "/healthz" || route == "/readyz" || route == "/metrics" {
			level = slog.LevelDebug
		}
		s.log.Log(c.Request().Context(), level, "http request", "method", c.Request().Method, "route", route,
			"status", status, "duration_ms", float64(d.Microseconds())/1000, "bytes", c.Response().Size)
		return nil
	}
}

func (s *Server) logPanic(c echo.Context, err error, stack []byte) error {
	s.log.Error("handler panic", "route", c.Path(), "err", err)
	return err
}
