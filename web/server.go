package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"sync"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/desk"
	"github.com/hushdesk/hushdesk/inference/feedback"
	"github.com/hushdesk/hushdesk/inference/report"
	"github.com/hushdesk/hushdesk/inference/team"
	"github.com/hushdesk/hushdesk/retrieval/kb"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

// Assistant answers customers and hands them to a person.
type Assistant interface {
	Ask(ctx context.Context, q inference.Question, stream *inference.Stream) (inference.Reply, error)
	HandOff(ctx context.Context, h inference.HandoffRequest) (inference.Reply, error)
	// Forget drops a conversation's in-memory state after its erasure.
	Forget(conversationID string)
}

// Log is the decision log as the customer's transcript and the
// compliance routes read it.
type Log interface {
	Append(ctx context.Context, env audit.Envelope, content *audit.Content) (uint64, error)
	ConversationRef(capability string) string
	SubjectPseudonym(id string) string
	Conversation(ctx context.Context, ref string) ([]audit.Event, error)
	Scan(ctx context.Context, f audit.Filter, content bool, fn func(audit.Event) error) error
	Export(ctx context.Context, w io.Writer, req audit.ExportRequest) (audit.ExportSummary, error)
	Verify(ctx context.Context) (audit.VerifyResult, error)
	Checkpoint(ctx context.Context) (audit.Checkpoint, error)
	LatestCheckpoint(ctx context.Context) (audit.Checkpoint, error)
	Backup(ctx context.Context, w io.Writer) (int64, error)
	// BackupRefused is non-nil when the server takes no backup of this
	// store (PostgreSQL's own tools do it), and says so before a byte is
	// sent.
	BackupRefused() error
	Transparency(ctx context.Context, from, to time.Time) (audit.TransparencyReport, error)
	// ScanBack reads the log newest first, for the console; ProveEvent
	// checks one event and the checkpoint that covers it.
	ScanBack(ctx context.Context, f audit.Filter, beforeSeq uint64, fn func(audit.Event) error) error
	ProveEvent(ctx context.Context, seq uint64) (audit.Proof, error)
	// FirstQuestion is a conversation's first message, which titles it in
	// the queue.
	FirstQuestion(ctx context.Context, ref string) (audit.Event, bool, error)
	// Ready is nil while the log takes writes.
	Ready(ctx context.Context) error
}

// Rights are the data subjects' rights: access, erasure, the request log
// with its deadlines, and legal holds.
type Rights interface {
	ExportSubject(ctx context.Context, pseudonym, actor string) (audit.SubjectExport, error)
	EraseSubject(ctx context.Context, pseudonym, actor string) (audit.Receipt, error)
	EraseConversation(ctx context.Context, ref, actor string) (audit.Receipt, error)
	OpenRequest(ctx context.Context, kind, pseudonym, regime, actor string) (audit.Request, error)
	CompleteRequest(ctx context.Context, id, actor string) (audit.Request, error)
	Requests(ctx context.Context) ([]audit.Request, error)
	PlaceHold(ctx context.Context, target, basis, actor string) (audit.Hold, error)
	ReleaseHold(ctx context.Context, target, actor string) error
	Holds(ctx context.Context) ([]audit.Hold, error)
	ErasureReceipt(ctx context.Context, target string) (audit.Receipt, error)
	// LogRequest logs a request with the customer id the officer entered
	// (kept encrypted under the subject's key); ExtendRequest extends its
	// deadline once, for a reason; PlaceHoldFor keeps the customer id with
	// a hold's basis.
	LogRequest(ctx context.Context, spec audit.RequestSpec) (audit.Request, error)
	ExtendRequest(ctx context.Context, id, reason, actor string) (audit.Request, error)
	PlaceHoldFor(ctx context.Context, target, basis, customerID, actor string) (audit.Hold, error)
}

// Queue is the agent queue as agents read and move it.
type Queue interface {
	Handoffs(ctx context.Context, status, team string) ([]audit.Handoff, error)
	Handoff(ctx context.Context, id string) (audit.Handoff, error)
	ActiveHandoff(ctx context.Context, conversation string) (audit.Handoff, bool, error)
	ClaimHandoff(ctx context.Context, id string, by audit.Agent) (audit.Handoff, error)
	ResolveHandoff(ctx context.Context, id string, by audit.Agent) (audit.Handoff, error)
	ReleaseHandoff(ctx context.Context, id string, by audit.Agent, force bool) (audit.Handoff, error)
	AssignHandoff(ctx context.Context, id string, to, by audit.Agent, force bool) (audit.Handoff, error)
	ReleaseClaims(ctx context.Context, actor string, by audit.Agent) ([]audit.Handoff, error)
	TransferHandoff(ctx context.Context, id, team string, by audit.Agent) (audit.Handoff, error)
	HandBack(ctx context.Context, id string, by audit.Agent, force bool) (audit.Handoff, error)
	// RequestEmailReplies and ReplyAddress keep and read where a customer
	// asked for replies by e-mail, encrypted with the conversation.
	RequestEmailReplies(ctx context.Context, conversation string, to audit.ReplyTo) (audit.Handoff, error)
	ReplyAddress(ctx context.Context, conversation string) (audit.ReplyTo, bool, error)
}

// Desk is where agents answer handed-off conversations.
type Desk interface {
	ReplyAsAgent(ctx context.Context, handoffID string, by audit.Agent, text string) (desk.Reply, error)
	Reveal(ctx context.Context, handoffID string, by audit.Agent, label, reason string) (audit.Revealed, error)
	AddNote(ctx context.Context, handoffID string, by audit.Agent, text string) (desk.Note, error)
	// CheckCanned refuses a canned response with an unknown variable or
	// personal data; RedactText redacts text written outside a
	// conversation before it is stored.
	CheckCanned(text string) error
	RedactText(text string) string
}

// Drafts are what the assistant offers an agent: a suggested reply to
// the customer's last message and a summary of the conversation.
type Drafts interface {
	SuggestReply(ctx context.Context, conversation string) (inference.Draft, error)
	Summarize(ctx context.Context, conversation string, titles func(docID string) string) (inference.Summary, error)
}

// Canned are the canned responses admins write for agents.
type Canned interface {
	CannedResponses(ctx context.Context) ([]audit.Canned, error)
	SaveCanned(ctx context.Context, c audit.Canned, actor string) (audit.Canned, error)
	DeleteCanned(ctx context.Context, id, actor string) error
}

// Settings are the settings admins make in the console (the widget's
// appearance).
type Settings interface {
	Setting(ctx context.Context, name string) ([]byte, bool, error)
	PutSetting(ctx context.Context, name string, value []byte, actor string) error
}

// Articles are the knowledge base as admins search and preview it.
type Articles interface {
	Search(ctx context.Context, q search.Query) (search.Result, error)
	Passages(ctx context.Context, docID string) ([]search.Passage, error)
}

// Feedback takes customers' ratings of answers.
type Feedback interface {
	Record(ctx context.Context, f feedback.Feedback) (feedback.Receipt, error)
}

// Reports computes the support report.
type Reports interface {
	Support(ctx context.Context, from, to time.Time) (report.Support, error)
}

// Knowledge is the knowledge base as admins manage it. Every change is
// recorded in the decision log with the actor, so a reviewer can tell
// which documents were live when an answer was given.
type Knowledge interface {
	Documents() []kb.DocInfo
	Ingest(ctx context.Context, actor string, docs []kb.Document) (search.IngestReport, error)
	Remove(ctx context.Context, actor string, ids ...string) (int, error)
	Reindex(ctx context.Context, actor string) (search.ReindexReport, error)
	// Ready is nil once the index is open.
	Ready(ctx context.Context) error
}

// Parts are what the server serves. Every one is required: the routes do
// not depend on which happen to be there.
type Parts struct {
	Assistant Assistant
	Log       Log
	Rights    Rights
	Tokens    Tokens
	Queue     Queue
	Desk      Desk
	Feedback  Feedback
	Reports   Reports
	Knowledge Knowledge
	Drafts    Drafts
	Canned    Canned
	Settings  Settings
	Articles  Articles
}

func (p Parts) validate() error {
	for name, part := range map[string]any{
		"Assistant": p.Assistant, "Log": p.Log, "Rights": p.Rights, "Tokens": p.Tokens, "Queue": p.Queue,
		"Desk": p.Desk, "Feedback": p.Feedback, "Reports": p.Reports, "Knowledge": p.Knowledge,
		"Drafts": p.Drafts, "Canned": p.Canned, "Settings": p.Settings, "Articles": p.Articles,
	} {
		if part == nil {
			return fmt.Errorf("web: the %s part is missing", name)
		}
	}
	return nil
}

// Options configures a Server. The zero value serves on 127.0.0.1:8080
// with the defaults below.
type Options struct {
	// Addr is the listen address. Default 127.0.0.1:8080.
	Addr string
	// TLSCert and TLSKey, when both set, serve HTTPS.
	TLSCert, TLSKey string
	// MaxBodyBytes bounds request bodies. Default 64 KiB.
	MaxBodyBytes int64
	// AllowedOrigins are the sites that may embed the widget (CORS on the
	// customer endpoints) and frame the chat page. Empty: none.
	AllowedOrigins []string
	// AskRatePerMinute bounds questions per client address. Default 30;
	// negative turns the limit off.
	AskRatePerMinute int
	// SubjectSecret, when set, is the key the embedding site signs
	// customer ids with (see SignSubject); unsigned ids are refused.
	SubjectSecret string
	// TrustProxy reads client addresses from X-Forwarded-For, as written
	// by the proxies of TrustedProxies (set it behind a reverse proxy).
	TrustProxy bool
	// TrustedProxies are the addresses of the reverse proxies whose
	// X-Forwarded-For is believed. Default: loopback only. A forwarded
	// header from anywhere else is ignored.
	TrustedProxies []netip.Prefix
	// ChatKeep is how long a customer's browser keeps their conversation
	// (its capability and their own messages) across tabs and visits; 0
	// keeps it for the tab only.
	ChatKeep time.Duration
	// MaxQuestionChars is the longest question, told to the clients.
	// Default 4000.
	MaxQuestionChars int
	// ConfigView is the running configuration without secrets, shown to
	// admins at GET /api/v1/config.
	ConfigView map[string]any
	// Company is the organisation's name shown on the chat page.
	// Default "Hushdesk".
	Company string
	// Webhook, when set, is told about every hand-off change.
	Webhook *Webhook
	// FourEyes names the actions that need a second compliance officer's
	// approval. Default: none.
	FourEyes FourEyes
	// OIDC, when set, lets people log in to the console through the
	// company's OpenID provider. Tokens work with or without it.
	OIDC *OIDC
	// SessionMax is the longest a console session lasts. Default 8 hours.
	SessionMax time.Duration
	// Teams are the teams that take hand-offs, with their languages,
	// target reply times and office hours. Nil: the team names the queue
	// holds, with the defaults.
	Teams *team.Set
	// Mail, when set, e-mails agents' replies to customers who ask for
	// them; nil offers no e-mail.
	Mail *Mailer
	// Manifests keeps the manifests of exports for download. Default:
	// the last 256 in this process's memory.
	Manifests ManifestStore
	// Sessions keeps console sessions. Default: in this process's
	// memory. Replicas share one, so that a session works on all of them.
	Sessions SessionStore
	// Relay carries customers' live events (agent replies, hand-off
	// changes) between replicas sharing a store. Default: none, events
	// stay in this process.
	Relay Relay
	// DrainDelay is how long the server goes on serving once shutdown
	// begins, with /readyz answering 503, so that a load balancer that
	// checks it stops sending requests before the listener closes.
	// Default 0: shut down at once.
	DrainDelay time.Duration
	// ModelAvailable reports whether the chat model answers, for metrics;
	// nil reports it never does.
	ModelAvailable func() bool
	Logger         *slog.Logger
}

func (o Options) withDefaults() Options {
	if o.Addr == "" {
		o.Addr = "127.0.0.1:8080"
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = 64 << 10
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Company == "" {
		o.Company = "Hushdesk"
	}
	if o.AskRatePerMinute == 0 {
		o.AskRatePerMinute = 30
	}
	if o.MaxQuestionChars <= 0 {
		o.MaxQuestionChars = 4000
	}
	if o.Manifests == nil {
		o.Manifests = newManifestCache()
	}
	if o.ModelAvailable == nil {
		o.ModelAvailable = func() bool { return false }
	}
	return o
}

// Server is the HTTP server.
type Server struct {
	echo      *echo.Echo
	parts     Parts
	opts      Options
	log       *slog.Logger
	metrics   *metrics
	sessions  *sessions
	manifests ManifestStore
	approvals approvals
	sso       *sso // nil without a provider
	hub       *hub
	closing   chan struct{} // closed when the server shuts down
	draining  atomic.Bool   // set when shutdown begins: /readyz answers 503

	failures *keyedLimiter  // failed log-ins and bearer checks, by client
	reads    *keyedLimiter  // conversation reads, by client
	streams  *streamCounter // open event streams
	warned   atomic.Int64   // when untrusted forwarded headers were last warned of (Unix seconds)

	// after is time.After; tests end the drain delay themselves.
	after func(time.Duration) <-chan time.Time
}

// New builds the server and its routes.
func New(parts Parts, opts Options) (*Server, error) {
	if err := parts.validate(); err != nil {
		return nil, err
	}
	opts = opts.withDefaults()
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	s := &Server{echo: e, parts: parts, opts: opts, log: opts.Logger, sessions: newSessions(opts.Sessions),
		manifests: opts.Manifests, hub: newHub(opts.Relay), closing: make(chan struct{}),
		failures: newKeyedLimiter(loginFailures/15.0, loginFailures), reads: newKeyedLimiter(conversationReads, conversationReads),
		streams: newStreamCounter(streamsInAll), after: time.After}
	if opts.SessionMax > 0 {
		s.sessions.ttl = opts.SessionMax
	}
	if opts.OIDC != nil {
		s.sso = newSSO(*opts.OIDC)
	}
	s.metrics = newMetrics(opts.ModelAvailable)
	e.HTTPErrorHandler = s.errorHandler
	e.Pre(refuseUnknownMethods)
	e.Use(middleware.RecoverWithConfig(middleware.RecoverConfig{DisableStackAll: true, LogErrorFunc: s.logPanic}))
	e.Use(s.accessLog)
	e.IPExtractor = s.ipExtractor()
	e.Use(s.securityHeaders)
	e.Use(s.cors())
	e.Use(s.rateLimit())
	e.Use(middleware.BodyLimitWithConfig(middleware.BodyLimitConfig{
		Limit: fmt.Sprintf("%dB", opts.MaxBodyBytes),
		Skipper: func(c echo.Context) bool {
			return c.Path() == "/api/v1/documents" && c.Request().Method == http.MethodPost
		},
	}))
	s.routes()
	return s, nil
}

// Handler returns the server's HTTP handler, for tests.
func (s *Server) Handler() http.Handler { return s.echo }

// Serve serves on ln until ctx ends, then shuts down gracefully: /readyz
// turns 503 at once, so a load balancer stops sending new requests; for
// Options.DrainDelay requests are still served, while the balancer
// notices; then the listener closes and the requests under way finish
// (long event streams are told to end).
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.echo,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    maxHeaderBytes,
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
	s.draining.Store(true)
	if d := s.opts.DrainDelay; d > 0 {
		s.log.Info("shutting down: /readyz answers 503, requests are still served until the drain delay ends", "drain_delay", d.String())
		srv.SetKeepAlivesEnabled(false) // clients reconnect, through the balancer, elsewhere
		select {
		case <-s.after(d):
		case err := <-errc:
			return fmt.Errorf("serve: %w", err)
		}
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// maxHeaderBytes bounds a request's headers.
const maxHeaderBytes = 32 << 10
