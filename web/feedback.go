package web

import (
	"net/http"

	"github.com/hushdesk/hushdesk/inference/feedback"
	"github.com/labstack/echo/v4"
)

type feedbackRequest struct {
	ConversationID string `json:"conversation_id"`
	MessageID      string `json:"message_id"`
	Rating         string `json:"rating"`
	Reason         string `json:"reason"`
	Comment        string `json:"comment"`
	Solved         *bool  `json:"solved"`
}

// feedback answers POST /api/v1/feedback. The message id, which only the
// customer was given, is the proof that the answer is theirs; the
// conversation id may come with it.
func (s *Server) feedback(c echo.Context) error {
	var req feedbackRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	if req.MessageID == "" {
		return badRequest(`"message_id" is required`)
	}
	rec, err := s.parts.Feedback.Record(c.Request().Context(), feedback.Feedback{
		ConversationID: req.ConversationID, MessageID: req.MessageID, Rating: req.Rating, Why: req.Reason,
		Comment: req.Comment, Solved: req.Solved,
	})
	if err != nil {
		return err
	}
	if req.Rating != "" {
		s.metrics.feedback.WithLabelValues(req.Rating).Inc()
	}
	if rec.Handoff != nil {
		s.notifyHandoff(c.Request().Context(), *rec.Handoff)
	}
	out := map[string]any{"audit_seq": rec.AuditSeq}
	if rec.Ask != nil {
		out["ask"] = rec.Ask
	}
	if rec.Message != "" {
		out["message"] = rec.Message
	}
	if rec.Handoff != nil {
		out["handoff"] = viewOf(*rec.Handoff)
	}
	return c.JSON(http.StatusOK, out)
}
