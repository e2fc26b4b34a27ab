package web

import (
	"fmt"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/hushdesk/hushdesk/audit/role"
)

// routes is every route the server answers, in one place.
func (s *Server) routes() {
	e := s.echo
	agent, compliance, admin := s.requireRole(role.Agent), s.requireRole(role.Compliance), s.requireRole(role.Admin)
	// Duties are separate (docs/roles.md): admins manage the queue without
	// reading its conversations, and read the support figures without
	// customers' words.
	queue := s.requireRole(role.Agent, role.Admin)
	figures := s.requireRole(role.Agent, role.Compliance, role.Admin)

	// Operations.
	e.GET("/healthz", s.healthz)
	e.GET("/readyz", s.readyz)
	e.GET("/metrics", echo.WrapHandler(s.metrics.handler()))

	// Pages and assets: the chat page, the widget, the console.
	s.routeUI()
	s.routeWidget()
	s.routeConsole()

	api := e.Group("/api/v1")

	// Customers: no token; the conversation id is their capability.
	api.POST("/ask", s.ask)
	api.POST("/handoff", s.requestPerson)
	api.POST("/feedback", s.feedback)
	api.GET("/strings", s.clientStrings)
	api.GET("/widget/config", s.widgetConfig)
	api.GET("/conversations/:id", s.conversation, s.limitConversationReads)
	api.GET("/conversations/:id/events", s.conversationEvents, s.limitConversationReads)
	api.DELETE("/conversations/:id", s.eraseConversation, s.limitConversationReads)
	api.POST("/conversations/:id/email", s.emailMe, s.limitConversationReads)
	api.DELETE("/conversations/:id/email", s.emailMe, s.limitConversationReads)

	// Agents.
	api.GET("/handoffs", s.listHandoffs, queue)
	api.GET("/handoffs/events", s.queueEvents, queue)
	api.GET("/teams", s.listTeams, queue)
	api.GET("/canned", s.agentCanned, queue)
	api.GET("/handoffs/:id", s.getHandoff, agent)
	api.POST("/handoffs/:id/claim", s.claimHandoff, agent)
	api.POST("/handoffs/:id/reply", s.replyHandoff, agent)
	api.POST("/handoffs/:id/resolve", s.resolveHandoff, agent)
	api.POST("/handoffs/:id/reveal", s.revealValue, agent)
	api.POST("/handoffs/:id/release", s.releaseHandoff, queue)
	api.POST("/handoffs/:id/assign", s.assignHandoff, queue)
	api.POST("/handoffs/:id/transfer", s.transferHandoff, agent)
	api.POST("/handoffs/:id/handback", s.handBack, agent)
	api.POST("/handoffs/:id/notes", s.addNote, agent)
	api.GET("/handoffs/:id/suggestion", s.suggestReply, agent)
	api.GET("/handoffs/:id/summary", s.summarize, agent)
	api.GET("/handoffs/:id/history", s.history, agent)
	api.POST("/handoffs/:id/email/retry", s.retryEmail, agent)
	api.GET("/reports/support", s.supportReport, figures)

	// Compliance officers.
	// Exports, verifications and backups are recorded in the log: from a
	// browser they are POSTs with the session's CSRF token; scripts with a
	// bearer token may GET.
	api.GET("/audit", s.exportAudit, bearerOnly, compliance)
	api.POST("/audit/export", s.exportAudit, compliance)
	api.GET("/audit/verify", s.verifyAudit, bearerOnly, compliance)
	api.POST("/audit/verify", s.verifyAudit, compliance)
	api.GET("/audit/checkpoint", s.latestCheckpoint, compliance)
	api.POST("/audit/checkpoint", s.signCheckpoint, compliance)
	api.GET("/audit/exports/:seq", s.exportManifest, compliance)
	api.GET("/audit/events", s.browseAudit, compliance)
	api.GET("/audit/events/:seq", s.auditEvent, compliance)
	api.GET("/subjects/:id/export", s.exportSubject, bearerOnly, compliance)
	api.POST("/subjects/:id/export", s.exportSubject, compliance)
	api.DELETE("/subjects/:id", s.eraseSubject, compliance)
	api.GET("/requests", s.listRequests, compliance)
	api.POST("/requests", s.openRequest, compliance)
	api.POST("/requests/:id/complete", s.completeRequest, compliance)
	api.POST("/requests/:id/extend", s.extendRequest, compliance)
	api.GET("/holds", s.listHolds, compliance)
	api.POST("/holds", s.placeHold, compliance)
	api.DELETE("/holds/:target", s.releaseHold, compliance)
	api.GET("/reports/transparency", s.transparencyReport, compliance)
	api.GET("/audit/security", s.securityTrail, compliance)
	api.GET("/approvals", s.listApprovals, compliance)
	api.POST("/approvals/:id/approve", s.decideApproval, compliance)
	api.POST("/approvals/:id/reject", s.decideApproval, compliance)

	// Admins.
	api.GET("/config", s.runningConfig, admin)
	api.GET("/audit/backup", s.backup, bearerOnly, admin)
	api.POST("/audit/backup", s.backup, admin)
	api.GET("/tokens", s.listTokens, admin)
	api.POST("/tokens", s.createToken, admin)
	api.DELETE("/tokens/:id", s.revokeToken, admin)
	api.PATCH("/tokens/:id", s.updateToken, admin)
	api.POST("/canned", s.saveCanned, admin)
	api.PUT("/canned/:id", s.saveCanned, admin)
	api.DELETE("/canned/:id", s.deleteCanned, admin)
	api.GET("/widget/appearance", s.getAppearance, admin)
	api.PUT("/widget/appearance", s.putAppearance, admin)
	api.GET("/documents/search", s.searchDocuments, admin)
	api.GET("/documents/passages", s.documentPassages, admin)
	api.GET("/documents", s.listDocuments, admin)
	api.POST("/documents", s.uploadDocuments, admin, middleware.BodyLimit(fmt.Sprintf("%dB", maxUploadBytes)))
	api.DELETE("/documents", s.deleteDocuments, admin)
	api.POST("/documents/reindex", s.reindexDocuments, admin)

	// The console's session.
	e.POST("/console/login", s.login)
	e.POST("/console/logout", s.logout)
	e.GET("/console/session", s.whoami)
	s.routeSSO()
}
