package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"golang.org/x/sync/errgroup"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/pgstore"
	"github.com/hushdesk/hushdesk/audit/role"
	"github.com/hushdesk/hushdesk/audit/siem"
	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/inference/desk"
	"github.com/hushdesk/hushdesk/inference/feedback"
	"github.com/hushdesk/hushdesk/inference/ollama"
	"github.com/hushdesk/hushdesk/inference/report"
	"github.com/hushdesk/hushdesk/inference/triage"
	"github.com/hushdesk/hushdesk/redact"
	"github.com/hushdesk/hushdesk/retrieval/kb"
	"github.com/hushdesk/hushdesk/retrieval/search"
	"github.com/hushdesk/hushdesk/web"
	"github.com/hushdesk/hushdesk/web/mail"
)

// The concrete types satisfy the interfaces their consumers declare.
var (
	_ inference.Retriever = (*search.Index)(nil)
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
	_ web.Articles        = knowledge{}
	_ web.Drafts          = (*inference.Assistant)(nil)
	_ web.Canned          = (*audit.Store)(nil)
	_ web.Settings        = (*audit.Store)(nil)
	_ mail.Recorder       = (*audit.Store)(nil)
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
	// Audit is the audit store the process serves from: Store, the
	// embedded one, or Shared, the PostgreSQL one of --store.
	Audit     auditStore
	Store     *audit.Store
	Shared    *pgstore.Store
	Index     *search.Index
	Model     *ollama.Pool
	Triage    *triage.Policy
	Assistant *inference.Assistant
	Server    *web.Server
	Webhook   *web.Webhook
	// Feeds stream the audit envelopes to the SIEM collectors.
	Feeds []*siem.Feed
	// Outbox e-mails agents' replies when a mail relay is set.
	Outbox *mail.Outbox

	lock *os.File
}

// NewMain returns a Main for a configuration, logging to logOut.
func NewMain(c Config, logOut io.Writer) *Main {
	if c.Sample == "" {
		c.Sample = kb.DefaultSample
	}
	if c.Company == "" {
		if h, err := kb.Sample(c.Sample); err == nil {
			c.Company = h.Company
		}
	}
	// The organisation's own contacts and the help lines given to
	// customers are not personal data.
	allow := append(append(sampleContacts(c.Sample), triage.HelpLines()...), c.PublicContacts...)
	domains := contactDomains(c.PublicContacts)
	org := []string{c.Company}
	r := redact.New(redact.Options{Allow: allow, AllowDomains: domains, Organisation: org})
	m := &Main{Config: c, Redactor: r, Log: newLogger(logOut, c.LogLevel, c.LogFormat, r)}
	m.QuestionRedactor = r
	if c.NameModel != "" {
		names, err := ollama.NewNames(c.ollamaHosts()[0], c.NameModel, 0)
		if err != nil {
			m.Log.Warn("name model not used", "err", err)
		} else {
			// Questions get the model-assisted pass; logs and documents
			// keep the rules alone.
			m.QuestionRedactor = redact.New(redact.Options{Allow: allow, AllowDomains: domains, Names: names, Organisation: org})
		}
	}
	return m
}

// Open locks the data directory and opens the audit store and the
// knowledge base, loading the sample articles into an empty one.
func (m *Main) Open(ctx context.Context) error {
	lock, err := lockDataDir(m.Config.Data)
	if err != nil {
		return err
	}
	m.lock = lock
	if m.Config.Store != "" {
		if m.Config.AnchorFile != "" {
			return fmt.Errorf("%w: anchor-file is not available with a PostgreSQL store yet; anchor with hushdesk audit checkpoint --anchor on a schedule", errUsage)
		}
		if err := m.openShared(ctx); err != nil {
			return err
		}
	} else {
		aopts := audit.Options{MasterKey: m.Config.MasterKey, MasterKeyFile: m.Config.MasterKeyFile, Logger: m.Log}
		if m.Config.AnchorFile != "" {
			aopts.Anchor = audit.NewFileAnchor(m.Config.AnchorFile)
		}
		m.Store, err = audit.Open(m.Config.Data, aopts)
		if err != nil {
			return fmt.Errorf("open audit store: %w", err)
		}
		m.Audit = m.Store
	}
	opts := search.Options{Scrub: m.scrub, Logger: m.Log, OnPersonalData: m.Config.PersonalData, Vocabulary: m.vocabulary}
	if m.Config.EmbedModel != "" {
		emb, err := ollama.NewEmbedder(ollama.EmbedOptions{Host: m.Config.ollamaHosts()[0], Model: m.Config.EmbedModel})
		if err != nil {
			return err
		}
		opts.Embedder = emb
	}
	return m.openKnowledgeBase(ctx, opts)
}

// scrub redacts knowledge-base text before it is indexed. A document that
// publishes its contacts (public_contacts: true) keeps its e-mail
// addresses, phone numbers, links, addresses and names as written; an
// identifier, a card or a birth date is redacted whatever it says.
func (m *Main) scrub(text string, public bool) (string, map[string]int, map[string]int) {
	r := m.Redactor
	var kept map[string]int
	if public {
		var values []string
		for _, f := range r.Find(text) {
			if publicContactTypes[f.Type] {
				values = append(values, text[f.Start:f.End])
				if kept == nil {
					kept = map[string]int{}
				}
				kept[string(f.Type)]++
			}
		}
		r = r.Allowing(values...)
	}
	res := r.Redact(text, nil)
	return res.Text, inference.EnvelopeCounts(res), kept
}

// publicContactTypes are the kinds of personal data a help article may
// publish as the company's own contacts.
var publicContactTypes = map[redact.Type]bool{
	redact.Email: true, redact.Phone: true, redact.URL: true, redact.Person: true, redact.Address: true, redact.Location: true,
}

// loadSample ingests the configured sample help centre.
func (m *Main) loadSample(ctx context.Context) error {
	h, err := kb.Sample(m.Config.Sample)
	if err != nil {
		return err
	}
	docs, err := h.Documents()
	if err != nil {
		return fmt.Errorf("read sample knowledge base: %w", err)
	}
	rep, err := m.knowledge().IngestWith(ctx, "system", "sample", docs, search.IngestOptions{})
	if err != nil {
		return fmt.Errorf("load sample knowledge base: %w", err)
	}
	m.Log.Info("knowledge base was empty; loaded the sample help centre", "sample", h.Name, "company", h.Company,
		"documents", rep.Added, "passages", rep.Chunks)
	return nil
}

// vocabulary reads the vocabulary searches use: the engine's, the
// sample help centre's, and the files of the vocabulary folder (by
// default the data directory's), which replace the sample's of the same
// name and add to them.
func (m *Main) vocabulary() (*search.Vocabulary, error) {
	folder := m.Config.Vocabulary
	if folder == "" {
		folder = filepath.Join(m.Config.Data, "vocabulary")
	}
	return readVocabulary(m.Config.Sample, folder)
}

// readVocabulary reads the engine's vocabulary, a sample's and a
// folder's ("" for none; a folder that does not exist holds nothing).
func readVocabulary(sample, folder string) (*search.Vocabulary, error) {
	var layers []fs.FS
	if h, err := kb.Sample(sample); err == nil {
		layers = append(layers, h.Vocabulary())
	}
	if folder != "" {
		layers = append(layers, os.DirFS(folder))
	}
	return search.ReadVocabulary(layers...)
}

// sampleContacts are the published contacts of a sample help centre's
// company, which are not personal data; none for an unknown sample.
func sampleContacts(name string) []string {
	h, err := kb.Sample(name)
	if err != nil {
		return nil
	}
	return append([]string(nil), h.Contacts...)
}

// OpenAssistant connects the model (probing Ollama once) and builds the
// assistant. When the model cannot be reached it warns and answers
// extractively.
func (m *Main) OpenAssistant(ctx context.Context) error {
	model, err := ollama.NewPool(ollama.ChatOptions{Model: m.Config.Model, MaxAnswerTokens: m.Config.MaxAnswerTokens,
		MaxAnswerTime: m.Config.MaxAnswerTime, Logger: m.Log}, m.Config.ollamaHosts(), m.Config.ModelDigest)
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
	teams, err := m.Config.teamSet()
	if err != nil {
		return fmt.Errorf("teams: %w", err)
	}
	m.Assistant, err = inference.New(inference.Parts{
		Redactor: m.QuestionRedactor, Retriever: m.Index, Recorder: m.Audit, Triage: m.Triage,
		Generator: model, Handoffs: m.Audit, History: m.Audit, Requests: m.Audit,
	}, inference.Options{
		Company:          m.Config.Company,
		MaxQuestionChars: m.Config.MaxQuestionChars,
		MinConfidence:    m.Config.MinConfidence,
		ReplyFrom:        teams.ReplyFrom,
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
		if m.Model.Model().Available && len(m.Model.Hosts()) == 1 {
			continue // several hosts are checked all the time
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
		if err := m.Audit.EnsureToken(ctx, m.Config.AdminToken, role.Admin, "bootstrap (HUSHDESK_ADMIN_TOKEN)"); err != nil {
			return fmt.Errorf("seed the admin token: %w", err)
		}
	}
	if m.Config.SubjectSecret == "" {
		m.Log.Info("customer ids (subject) from the chat are accepted unsigned; set HUSHDESK_SUBJECT_SECRET so that only your site can name a customer")
	}
	if m.Config.WebhookURL != "" {
		m.Webhook = web.NewWebhook(m.Config.WebhookURL, m.Config.WebhookSecret, m.Log)
		if m.Shared != nil {
			m.Webhook.WithOutbox(m.Shared.WebhookOutbox())
		}
	}
	if err := m.openFeeds(); err != nil {
		return err
	}
	if err := m.recordConfig(ctx); err != nil {
		return err
	}
	teams, err := m.Config.teamSet()
	if err != nil {
		return fmt.Errorf("teams: %w", err)
	}
	var mailer *web.Mailer
	if m.Config.SMTP != "" {
		relay, err := mail.NewRelay(mail.RelayOptions{URL: m.Config.SMTP, Password: m.Config.SMTPPassword, From: m.Config.SMTPFrom,
			CAFile: m.Config.SMTPCA, Timeout: m.Config.SMTPTimeout})
		if err != nil {
			return err
		}
		oo := mail.OutboxOptions{Backoff: m.Config.mailBackoff, Logger: m.Log,
			Changed: func(handoff, _ string) {
				if m.Server != nil {
					m.Server.EmailChanged(handoff)
				}
			}}
		if m.Shared != nil {
			oo.Statuses = sharedMail{m.Shared.MailStatuses()}
		}
		m.Outbox = mail.NewOutbox(relay, m.Audit, oo)
		mailer = &web.Mailer{Outbox: m.Outbox, From: m.Config.SMTPFrom, PublicURL: m.Config.PublicURL}
		if m.Config.PublicURL == "" {
			m.Log.Info("e-mailed replies carry no link back to the conversation; set public-url to add one")
		}
	}
	opts := web.Options{
		Addr:             m.Config.Addr,
		TLSCert:          m.Config.TLSCert,
		TLSKey:           m.Config.TLSKey,
		Company:          m.Config.Company,
		AllowedOrigins:   m.Config.WidgetOrigins,
		AskRatePerMinute: m.Config.AskRate,
		MaxQuestionChars: m.Config.MaxQuestionChars,
		ChatKeep:         m.Config.ChatKeep,
		DrainDelay:       m.Config.DrainDelay,
		ConfigView:       m.Config.view(),
		TrustProxy:       m.Config.TrustProxy,
		TrustedProxies:   m.Config.TrustedProxies,
		SubjectSecret:    m.Config.SubjectSecret,
		Webhook:          m.Webhook,
		FourEyes:         m.Config.FourEyes,
		OIDC:             m.Config.oidc(),
		SessionMax:       m.Config.SessionMax,
		Teams:            teams,
		Mail:             mailer,
		ModelAvailable:   func() bool { return m.Model.Model().Available },
		Logger:           m.Log,
	}
	if m.Shared != nil {
		// What one replica does, every other sees: sessions, manifests
		// and customers' live events are shared.
		opts.Sessions = sharedSessions{m.Shared.Sessions()}
		opts.Manifests = m.Shared
		opts.Relay = m.Shared.Relay()
	}
	srv, err := web.New(web.Parts{
		Assistant: m.Assistant,
		Log:       m.Audit,
		Rights:    m.Audit,
		Tokens:    m.tokens(),
		Queue:     m.Audit,
		Desk:      desk.New(m.Redactor, m.Audit),
		Feedback:  feedback.New(m.Audit, m.Redactor, m.Assistant.HandOff),
		Reports:   report.New(m.Audit, m.Index),
		Knowledge: m.knowledge(),
		Drafts:    m.Assistant,
		Canned:    m.Audit,
		Settings:  m.Audit,
		Articles:  m.knowledge(),
	}, opts)
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
	for _, f := range m.Feeds {
		g.Go(func() error { return f.Run(ctx) })
	}
	if m.Outbox != nil {
		g.Go(func() error { return m.Outbox.Run(ctx) })
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
	if m.Shared != nil {
		errs = append(errs, m.Shared.Close())
	}
	if m.lock != nil {
		errs = append(errs, m.lock.Close())
	}
	return errors.Join(errs...)
}

// contactDomains are the entries of public_contacts that name a domain
// ("larkspur.example", "@larkspur.example") rather than one address or
// number: every address and link at them is the company's.
func contactDomains(contacts []string) []string {
	var out []string
	for _, c := range contacts {
		c = strings.TrimSpace(c)
		if d, ok := strings.CutPrefix(c, "@"); ok {
			out = append(out, d)
		} else if !strings.Contains(c, "@") && strings.Contains(c, ".") && strings.IndexFunc(c, unicode.IsLetter) >= 0 {
			out = append(out, c)
		}
	}
	return out
}
