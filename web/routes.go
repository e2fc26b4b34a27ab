package web

import "github.com/labstack/echo/v4"

// routeCompliance adds the endpoints of compliance officers and admins,
// for the parts that are configured.
func (s *Server) routeCompliance(api *echo.Group) {
	compliance, admin := s.requireRole(RoleCompliance), s.requireRole(RoleAdmin)
	if s.opts.AuditLog != nil && s.opts.Pseudonyms != nil {
		api.GET("/audit", s.exportAudit, compliance)
		api.GET("/audit/verify", s.verifyAudit, compliance)
		api.GET("/audit/checkpoint", s.latestCheckpoint, compliance)
		api.GET("/audit/exports/:seq", s.exportManifest, compliance)
	}
	if s.opts.AuditBrowser != nil && s.opts.Pseudonyms != nil {
		api.GET("/audit/events", s.browseAudit, compliance)
	}
	if s.opts.Subjects != nil && s.opts.Requests != nil && s.opts.Pseudonyms != nil {
		api.GET("/subjects/:id/export", s.exportSubject, compliance)
		api.DELETE("/subjects/:id", s.eraseSubject, compliance)
		api.DELETE("/conversations/:id", s.eraseConversation)
		api.GET("/requests", s.listRequests, compliance)
		api.POST("/requests", s.openRequest, compliance)
		api.POST("/requests/:id/complete", s.completeRequest, compliance)
	}
	if s.opts.Holds != nil && s.opts.Pseudonyms != nil {
		api.GET("/holds", s.listHolds, compliance)
		api.POST("/holds", s.placeHold, compliance)
		api.DELETE("/holds/:target", s.releaseHold, compliance)
	}
	if s.opts.Transparency != nil {
		api.GET("/reports/transparency", s.transparencyReport, compliance)
	}
	if s.opts.Checkpointer != nil {
		api.POST("/audit/checkpoint", s.signCheckpoint, compliance)
	}
	if s.opts.Backup != nil {
		api.GET("/audit/backup", s.backup, admin)
	}
	if s.opts.Tokens != nil {
		api.GET("/tokens", s.listTokens, admin)
		api.POST("/tokens", s.createToken, admin)
		api.DELETE("/tokens/:id", s.revokeToken, admin)
	}
}

// routeQueue adds the agent queue and the customer's side of hand-offs.
func (s *Server) routeQueue(api *echo.Group) {
	if s.opts.Queue == nil || s.opts.QueueActions == nil || s.opts.Desk == nil || s.opts.Pseudonyms == nil {
		return
	}
	agent := s.requireRole(RoleAgent)
	api.GET("/handoffs", s.listHandoffs, agent)
	api.GET("/handoffs/:id", s.getHandoff, agent)
	api.POST("/handoffs/:id/claim", s.claimHandoff, agent)
	api.POST("/handoffs/:id/reply", s.replyHandoff, agent)
	api.POST("/handoffs/:id/resolve", s.resolveHandoff, agent)
	api.POST("/handoff", s.requestPerson)
	api.GET("/conversations/:id/events", s.conversationEvents)
	if s.opts.Support != nil {
		api.GET("/reports/support", s.supportReport, agent)
	}
}
