package web

import (
	"context"
	"net/http"
	"slices"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/role"
	"github.com/hushdesk/hushdesk/inference/team"
)

// queueTopic is the hub's topic for the agents' queue: every hand-off
// change, new customer messages in a hand-off, e-mail deliveries.
const queueTopic = "queue"

// queueRow is a hand-off as a row of the agents' queue: what the customer
// first asked (redacted as stored), how long they have waited against
// their team's target reply time, and whether it is the agent's own.
type queueRow struct {
	audit.Handoff
	FirstMessage string  `json:"first_message"`
	WaitedS      float64 `json:"waited_seconds"`
	TargetS      float64 `json:"target_seconds"`
	Overdue      bool    `json:"overdue"`
	Mine         bool    `json:"mine"`
}

// teamSet is the configured teams, or the defaults for names alone.
func (s *Server) teamSet() *team.Set {
	if s.opts.Teams != nil {
		return s.opts.Teams
	}
	set, _ := team.NewSet([]string{"account", "billing", "delivery", "privacy", "technical"}, nil)
	return set
}

// row builds the queue row of a hand-off for the agent p.
func (s *Server) row(ctx context.Context, h audit.Handoff, p Principal, now time.Time) queueRow {
	r := queueRow{Handoff: h, Mine: h.ClaimedBy == p.Actor()}
	// An admin manages the queue (release, reassign) but reads no
	// customer's words: duties are separate.
	if p.Role == role.Agent {
		if ev, ok, err := s.parts.Log.FirstQuestion(ctx, h.Conversation); err == nil && ok && ev.Content != nil {
			r.FirstMessage = ev.Content.Question
		}
	}
	target := team.DefaultTargetReply
	if t, ok := s.teamSet().Get(h.Team); ok {
		target = t.TargetReply
	}
	r.TargetS = target.Seconds()
	if h.WaitingSince != nil && h.Status != audit.HandoffResolved {
		r.WaitedS = now.Sub(*h.WaitingSince).Seconds()
		r.Overdue = r.WaitedS > r.TargetS
	}
	return r
}

// listHandoffs answers GET /api/v1/handoffs?status=&view=mine|unassigned|all&team=&language=
// (agent): the queue, newest activity first, as rows.
func (s *Server) listHandoffs(c echo.Context) error {
	status := c.QueryParam("status")
	switch status {
	case "":
		status = "active"
	case "active", "all", audit.HandoffOpen, audit.HandoffClaimed, audit.HandoffResolved:
	default:
		return badRequest("status must be active, open, claimed, resolved or all")
	}
	if status == "all" {
		status = ""
	}
	view := c.QueryParam("view")
	if !slices.Contains([]string{"", "all", "mine", "unassigned"}, view) {
		return badRequest("view must be mine, unassigned or all")
	}
	ctx, p := c.Request().Context(), principal(c)
	hs, err := s.parts.Queue.Handoffs(ctx, status, c.QueryParam("team"))
	if err != nil {
		return err
	}
	rows := []queueRow{}
	now := time.Now()
	language := c.QueryParam("language")
	for _, h := range hs {
		switch {
		case language != "" && h.Language != language,
			view == "mine" && h.ClaimedBy != p.Actor(),
			view == "unassigned" && h.ClaimedBy != "":
			continue
		}
		rows = append(rows, s.row(ctx, h, p, now))
	}
	return c.JSON(http.StatusOK, map[string]any{"handoffs": rows})
}

// queueEvents answers GET /api/v1/handoffs/events (agent): server-sent
// events of the queue ("handoff", {"event", "handoff"}) until the agent
// leaves; a comment line every 20 s keeps it open. The stream counts
// against the agent's token or console session, not their address, which
// a team may share.
func (s *Server) queueEvents(c echo.Context) error {
	release, err := s.openStream(c)
	if err != nil {
		return err
	}
	defer release()
	events, cancel := s.hub.subscribe(queueTopic)
	defer cancel()
	sse := &eventStream{c: c}
	if err := sse.send("ready", map[string]any{"time": time.Now().UTC()}); err != nil {
		return nil
	}
	return s.follow(c, sse, events)
}

// queueChanged tells the agents' consoles that a hand-off changed.
func (s *Server) queueChanged(event string, h audit.Handoff) {
	s.hub.publish(queueTopic, hubEvent{Name: "handoff", Data: map[string]any{"event": event, "id": h.ID, "status": h.Status,
		"team": h.Team, "claimed_by": h.ClaimedBy, "unread": h.Unread}})
}

// listTeams answers GET /api/v1/teams (agent): the teams with their
// languages, target reply times and office hours, whether each is at work
// now, and the agents in each, to assign and transfer to.
func (s *Server) listTeams(c echo.Context) error {
	toks, err := s.parts.Tokens.Tokens(c.Request().Context())
	if err != nil {
		return err
	}
	type agentView struct {
		ID   string `json:"id"`
		Name string `json:"name,omitempty"`
		Team string `json:"team,omitempty"`
	}
	agents := []agentView{}
	for _, t := range toks {
		if t.Role.Includes(role.Agent) && t.Role != role.Compliance {
			agents = append(agents, agentView{ID: t.ID, Name: cmpOr(t.Name, t.Label), Team: t.Team})
		}
	}
	type teamView struct {
		Name        string   `json:"name"`
		Languages   []string `json:"languages"`
		TargetS     float64  `json:"target_seconds"`
		OfficeHours string   `json:"office_hours,omitempty"`
		Timezone    string   `json:"timezone,omitempty"`
		OpenNow     bool     `json:"open_now"`
	}
	teams := []teamView{}
	now := time.Now()
	for _, t := range s.teamSet().All() {
		v := teamView{Name: t.Name, Languages: []string{}, TargetS: t.TargetReply.Seconds(), OpenNow: t.Hours.Open(now)}
		for _, l := range t.Languages {
			v.Languages = append(v.Languages, string(l))
		}
		if !t.Hours.Always() {
			v.OfficeHours, v.Timezone = t.Hours.String(), t.Hours.Location().String()
		}
		teams = append(teams, v)
	}
	p := principal(c)
	me := agentView{ID: p.TokenID, Name: p.Name}
	if tok, err := s.parts.Tokens.Token(c.Request().Context(), p.TokenID); err == nil {
		me.Team = tok.Team
	}
	return c.JSON(http.StatusOK, map[string]any{"teams": teams, "agents": agents, "me": me, "actor": p.Actor(),
		"email": s.opts.Mail != nil})
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
