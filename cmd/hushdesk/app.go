package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/role"
	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/desk"
	"github.com/hushdesk/hushdesk/inference/feedback"
	"github.com/hushdesk/hushdesk/inference/ollama"
	"github.com/hushdesk/hushdesk/inference/report"
	"github.com/hushdesk/hushdesk/inference/triage"
	"github.com/hushdesk/hushdesk/redact"
	"github.com/hushdesk/hushdesk/retrieval"
	"github.com/hushdesk/hushdesk/retrieval/samplekb"
	"github.com/hushdesk/hushdesk/web"
)

// The concrete types satisfy the interfaces their consumers declare.
var (
	_ inference.Retriever = (*retrieval.Index)(nil)
	_ inference.Recorder  = (*audit.Store)(nil)
	_ inference.Handoffs  = (*audit.Store)(nil)
	_ inference.Generator = (*ollama.Chat)(nil)
	_ inference.Redactor  = (*redact.Redactor)(nil)
	_ inference.Triage    = (*triage.Policy)(nil)
	_ web.Assistant       = (*inference.Assistant)(nil)
	_ web.Log             = (*audit.Store)(nil)
	_ web.Rights          = (*audit.Store)(nil)
	_ web.Tokens          = tokens{}
	_ web.Queue           = (*audit.Store)(nil)
	_ web.Desk            = (*desk.Desk)(nil)
	_ web.Feedback        = (*feedback.Ratings)(nil)
	_ web.Reports         = (*report.Reports)(nil)
	_ web.Knowledge       = knowledge{}
)

// Main is a Hushdesk process's wiring: it opens the data directory and
// builds the parts. End-to-end tests use it as the binary does.
type Main struct {
	Config Config
	Log    *slog.Logger

	Redactor *redact.Redactor
	// QuestionRedactor redacts customers' questions: the Redactor, with
	// the model-assisted pass for names when a name model is set.
	QuestionRedactor *redact.Redactor
	Store            *audit.Store
	Index            *retrieval.Index
	Model            *ollama.Chat
	Triage           *triage.Policy
	Assistant        *inference.Assistant
	Server           *web.Server
	Webhook          *web.Webhook

	lock *os.File
}

// NewMain returns a Main for a configuration, logging to logOut.
func NewMain(c Config, logOut io.Writer) *Main {
	// The organisation's own contacts and the help lines given to
	// customers are not personal data.
	allow := append(append([]string(nil), samplekb.Contacts...), triage.HelpLines()...)
	r := redact.New(redact.Options{Allow: allow})
	m := &Main{Config: c, Redactor: r, Log: newLogger(logOut, c.LogLevel, c.LogFormat, r)}
	m.QuestionRedactor = r
	if c.NameModel != "" {
		names, err := ollama.NewNames(c.Ollama, c.NameModel, 0)
		if err != nil {
			m.Log.Warn("name model not used", "err", err)
		} else {
			// Questions get the model-assisted pass; logs and documents
			// keep the rules alone.
			m.QuestionRedactor = redact.New(redact.Options{Allow: allow, Names: names})
		}
	}
	return m
}

// Open locks the data directory and opens the audit store and the
// knowledge base, loading the sample articles into an empty one.
func (m *Main) Open(ctx context.Context) error {
	if m.Config.Store != "" {
		return errNotOnPostgres("serving (and ask)")
	}
	lock, err := lockDataDir(m.Config.Data)
	if err != nil {
		return err
	}
	m.lock = lock
	aopts := audit.Options{MasterKey: m.Config.MasterKey, MasterKeyFile: m.Config.MasterKeyFile, Logger: m.Log}
	if m.Config.AnchorFile != "" {
		aopts.Anchor = audit.NewFileAnchor(m.Config.AnchorFile)
	}
	m.Store, err = audit.Open(m.Config.Data, aopts)
	if err != nil {
		return fmt.Errorf("open audit store: %w", err)
	}
	opts := retrieval.Options{Scrub: m.scrub, Logger: m.Log, OnPersonalData: m.Config.PersonalData}
	if m.Config.EmbedModel != "" {
		emb, err := ollama.NewEmbedder(ollama.EmbedOptions{Host: m.Config.Ollama, Model: m.Config.EmbedModel})
		if err != nil {
			return err
		}
		opts.Embedder = emb
	}
	m.Index, err = retrieval.Open(filepath.Join(m.Config.Data, retrieval.DirName), opts)
	if err != nil {
		return err
	}
	if len(m.Index.Documents()) == 0 {
		if err := m.loadSample(ctx); err != nil {
			return err
		}
	}
	return nil
}

// scrub redacts knowledge-base text before it is indexed.
func (m *Main) scrub(text string) (string, map[string]int) {
	res := m.Redactor.Redact(text, nil)
	return res.Text, inference.EnvelopeCounts(res)
}

// loadSample ingests the bundled sample knowledge base.
func (m *Main) loadSample(ctx context.Context) error {
	docs, err := retrieval.LoadFS(samplekb.FS(), ".", samplekb.Prefix)
	if err != nil {
		return fmt.Errorf("read sample knowledge base: %w", err)
	}
	rep, err := m.knowledge().IngestWith(ctx, "system", "sample", docs, retrieval.IngestOptions{})
	if err != nil {
		return fmt.Errorf("load sample knowledge base: %w", err)
	}
	m.Log.Info("knowledge base was empty; loaded the sample help centre", "documents", rep.Added, "passages", rep.Chunks)
	return nil
}

// OpenAssistant connects the model (probing Ollama once) and builds the
// assistant. When the model cannot be reached it warns and answers
// extractively.
func (m *Main) OpenAssistant(ctx context.Context) error {
	model, err := ollama.NewChat(ollama.ChatOptions{Host: m.Config.Ollama, Model: m.Config.Model, Logger: m.Log})
	if err != nil {
		return err
	}
	m.Model = model
	if err := model.Probe(ctx); err != nil {
		m.Log.Warn("the chat model is not available; answering extractively from the knowledge base until it is",
			"model", m.Config.Model, "ollama", m.Config.Ollama, "err", err)
	} else {
		m.Log.Info("chat model ready", "model", model.Model().Name, "digest", model.Model().Digest)
	}
	if m.Triage, err = triage.New(m.Config.Policy); err != nil {
		return fmt.Errorf("hand-off triage: %w", err)
	}
	m.Assistant, err = inference.New(inference.Parts{
		Redactor: m.QuestionRedactor, Retriever: m.Index, Recorder: m.Store, Triage: m.Triage,
		Generator: model, Handoffs: m.Store, History: m.Store, Requests: m.Store,
	}, inference.Options{
		Company:          m.Config.Company,
		MaxQuestionChars: m.Config.MaxQuestionChars,
		MinConfidence:    m.Config.MinConfidence,
		Logger:           m.Log,
	})
	return err
}

// watchModel probes Ollama while the model is unavailable, so that answers
// switch back to the model once it is there. It returns when ctx ends.
func (m *Main) watchModel(ctx context.Context, every time.Duration) error {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
		if m.Model.Model().Available {
			continue
		}
		if err := m.Model.Probe(ctx); err == nil {
			m.Log.Info("chat model is available again", "model", m.Model.Model().Name, "digest", m.Model.Model().Digest)
		}
	}
}

// NewServer builds the HTTP server, seeding the bootstrap admin token
// from HUSHDESK_ADMIN_TOKEN when it is set.
func (m *Main) NewServer(ctx context.Context) error {
	if m.Config.AdminToken != "" {
		if err := m.Store.EnsureToken(ctx, m.Config.AdminToken, role.Admin, "bootstrap (HUSHDESK_ADMIN_TOKEN)"); err != nil {
			return fmt.Errorf("seed the admin token: %w", err)
		}
	}
	if m.Config.SubjectSecret == "" {
		m.Log.Info("customer ids (subject) from the chat are accepted unsigned; set HUSHDESK_SUBJECT_SECRET so that only your site can name a customer")
	}
	if m.Config.WebhookURL != "" {
		m.Webhook = web.NewWebhook(m.Config.WebhookURL, m.Config.WebhookSecret, m.Log)
	}
	srv, err := web.New(web.Parts{
		Assistant: m.Assistant,
		Log:       m.Store,
		Rights:    m.Store,
		Tokens:    m.tokens(),
		Queue:     m.Store,
		Desk:      desk.New(m.Redactor, m.Store),
		Feedback:  feedback.New(m.Store, m.Redactor, m.Assistant.HandOff),
		Reports:   report.New(m.Store, m.Index),
		Knowledge: m.knowledge(),
	}, web.Options{
		Addr:             m.Config.Addr,
		TLSCert:          m.Config.TLSCert,
		TLSKey:           m.Config.TLSKey,
		Company:          m.Config.Company,
		AllowedOrigins:   m.Config.WidgetOrigins,
		AskRatePerMinute: m.Config.AskRate,
		MaxQuestionChars: m.Config.MaxQuestionChars,
		ChatKeep:         m.Config.ChatKeep,
		ConfigView:       m.Config.view(),
		TrustProxy:       m.Config.TrustProxy,
		TrustedProxies:   m.Config.TrustedProxies,
		SubjectSecret:    m.Config.SubjectSecret,
		Webhook:          m.Webhook,
		ModelAvailable:   func() bool { return m.Model.Model().Available },
		Logger:           m.Log,
	})
	m.Server = srv
	return err
}

// run runs what a serving process runs besides the HTTP server, each
// under g, so that all of it ends, and is waited for, before the stores
// close.
func (m *Main) run(ctx context.Context, g *errgroup.Group) {
	g.Go(func() error { return m.watchModel(ctx, 30*time.Second) })
	if m.Webhook != nil {
		g.Go(func() error { return m.Webhook.Run(ctx) })
	}
	if m.Config.EmbedModel != "" {
		// Embed, in the background, the passages that have no vector yet
		// (after a change of model, say); searches use words meanwhile.
		g.Go(func() error {
			if n, err := m.Index.SyncVectors(ctx, nil); err != nil && ctx.Err() == nil {
				m.Log.Warn("could not embed every passage; searching the rest by words", "embedded", n, "err", err)
			}
			return nil
		})
	}
}

// Close closes everything that was opened, in reverse order.
func (m *Main) Close() error {
	var errs []error
	if m.Index != nil {
		errs = append(errs, m.Index.Close())
	}
	if m.Store != nil {
		errs = append(errs, m.Store.Close())
	}
	if m.lock != nil {
		errs = append(errs, m.lock.Close())
	}
	return errors.Join(errs...)
}
