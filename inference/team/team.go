// Package team describes the teams that take hand-offs, as people work
// in them: the languages they answer in, the reply time they aim for,
// and their office hours. Which team a hand-off goes to is decided by the
// triage's routing (package triage); this package says what a team
// promises once it has the conversation.
package team

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hushdesk/hushdesk/inference/lang"
)

// ErrInvalid reports a team setting that cannot be used.
var ErrInvalid = errors.New("invalid team setting")

// DefaultTargetReply is the reply time a team aims for when the
// configuration does not say.
const DefaultTargetReply = time.Hour

// Team is one team's settings.
type Team struct {
	Name string `json:"name"`
	// Languages are those the team answers in; empty: any.
	Languages []lang.Tag `json:"languages,omitempty"`
	// TargetReply is how soon the team aims to answer a customer who
	// waits. Default DefaultTargetReply.
	TargetReply time.Duration `json:"-"`
	// Hours are the team's office hours; the zero value is always open.
	Hours Hours `json:"-"`
}

// Config is a team as the config file writes it.
type Config struct {
	Languages   []string `yaml:"languages,omitempty"`
	TargetReply string   `yaml:"target_reply,omitempty"`
	OfficeHours string   `yaml:"office_hours,omitempty"`
	Timezone    string   `yaml:"timezone,omitempty"`
}

// Parse reads a team's configuration.
func Parse(name string, c Config) (Team, error) {
	t := Team{Name: name, TargetReply: DefaultTargetReply}
	for _, l := range c.Languages {
		tag, ok := lang.Parse(l)
		if !ok {
			return t, fmt.Errorf("%w: team %s: unknown language %q", ErrInvalid, name, l)
		}
		t.Languages = append(t.Languages, tag)
	}
	if c.TargetReply != "" {
		d, err := time.ParseDuration(c.TargetReply)
		if err != nil || d <= 0 {
			return t, fmt.Errorf("%w: team %s: target_reply %q is not a duration like 30m or 4h", ErrInvalid, name, c.TargetReply)
		}
		t.TargetReply = d
	}
	var err error
	if t.Hours, err = ParseHours(c.OfficeHours, c.Timezone); err != nil {
		return t, fmt.Errorf("%w: team %s: %w", ErrInvalid, name, err)
	}
	return t, nil
}

// Speaks reports whether the team answers in language l.
func (t Team) Speaks(l lang.Tag) bool {
	return len(t.Languages) == 0 || slices.Contains(t.Languages, l) || l.Chinese() && slices.ContainsFunc(t.Languages, lang.Tag.Chinese)
}

// Hours are office hours: per weekday, the minutes of the day the team
// works, in a time zone. The zero value is always open.
type Hours struct {
	days [7][]span // by time.Weekday
	loc  *time.Location
	text string
}

type span struct{ from, to int } // minutes since midnight, to exclusive

var weekdays = map[string]time.Weekday{"sun": time.Sunday, "mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "fri": time.Friday, "sat": time.Saturday}

// ParseHours reads office hours such as "Mon-Fri 09:00-17:00; Sat
// 10:00-14:00" in a time zone (an IANA name; empty is UTC). Empty hours
// are always open.
func ParseHours(s, tz string) (Hours, error) {
	var h Hours
	s = strings.TrimSpace(s)
	if s == "" {
		return h, nil
	}
	h.text, h.loc = s, time.UTC
	if tz != "" {
		loc, err := time.LoadLocation(tz)
		if err != nil {
			return h, fmt.Errorf("unknown time zone %q", tz)
		}
		h.loc = loc
	}
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' }) {
		fields := strings.Fields(part)
		if len(fields) != 2 {
			return h, fmt.Errorf("office hours %q: write each part as days and times, like Mon-Fri 09:00-17:00", part)
		}
		days, err := parseDays(fields[0])
		if err != nil {
			return h, err
		}
		from, to, ok := strings.Cut(fields[1], "-")
		f, err1 := parseClock(from)
		t, err2 := parseClock(to)
		if !ok || err1 != nil || err2 != nil || t <= f {
			return h, fmt.Errorf("office hours %q: times must be like 09:00-17:00", part)
		}
		for _, d := range days {
			h.days[d] = append(h.days[d], span{f, t})
		}
	}
	return h, nil
}

func parseDays(s string) ([]time.Weekday, error) {
	from, to, isRange := strings.Cut(strings.ToLower(s), "-")
	a, ok := weekdays[from]
	if !ok {
		return nil, fmt.Errorf("office hours: %q is not a day (Mon, Tue ... Sun)", from)
	}
	if !isRange {
		return []time.Weekday{a}, nil
	}
	b, ok := weekdays[to]
	if !ok {
		return nil, fmt.Errorf("office hours: %q is not a day (Mon, Tue ... Sun)", to)
	}
	var out []time.Weekday
	for d := a; ; d = (d + 1) % 7 {
		out = append(out, d)
		if d == b {
			return out, nil
		}
	}
}

func parseClock(s string) (int, error) {
	hh, mm, ok := strings.Cut(s, ":")
	h, err1 := strconv.Atoi(hh)
	m, err2 := strconv.Atoi(mm)
	if !ok || err1 != nil || err2 != nil || h < 0 || h > 24 || m < 0 || m > 59 || h == 24 && m > 0 {
		return 0, fmt.Errorf("%q is not a time like 09:00", s)
	}
	return h*60 + m, nil
}

// Always reports whether the hours are always open.
func (h Hours) Always() bool { return h.loc == nil }

// String is the hours as configured.
func (h Hours) String() string { return h.text }

// Location is the hours' time zone.
func (h Hours) Location() *time.Location {
	if h.loc == nil {
		return time.UTC
	}
	return h.loc
}

// Open reports whether the team works at t.
func (h Hours) Open(t time.Time) bool {
	if h.Always() {
		return true
	}
	t = t.In(h.loc)
	m := t.Hour()*60 + t.Minute()
	for _, sp := range h.days[t.Weekday()] {
		if m >= sp.from && m < sp.to {
			return true
		}
	}
	return false
}

// Next returns when the team next works, at or after t (t itself when it
// works then), in the hours' time zone; false when the hours have no
// working time at all.
func (h Hours) Next(t time.Time) (time.Time, bool) {
	if h.Open(t) {
		return t, true
	}
	t = t.In(h.loc)
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, h.loc)
	now := t.Hour()*60 + t.Minute()
	for i := 0; i < 8; i++ {
		d := day.AddDate(0, 0, i)
		for _, sp := range h.days[d.Weekday()] {
			if i == 0 && sp.from <= now {
				continue
			}
			return d.Add(time.Duration(sp.from) * time.Minute), true
		}
	}
	return time.Time{}, false
}

// Set is every team, by name.
type Set struct {
	teams map[string]Team
	names []string
}

// NewSet returns the set of teams named, each with its settings from
// configured (teams without settings get the defaults). A configured
// team not among names is an error: a misspelt team would otherwise be
// silently ignored.
func NewSet(names []string, configured map[string]Config) (*Set, error) {
	s := &Set{teams: map[string]Team{}}
	for _, n := range names {
		s.teams[n] = Team{Name: n, TargetReply: DefaultTargetReply}
	}
	for n, c := range configured {
		if _, ok := s.teams[n]; !ok {
			return nil, fmt.Errorf("%w: team %q is not one of the teams hand-offs are routed to (%s)", ErrInvalid, n, strings.Join(names, ", "))
		}
		t, err := Parse(n, c)
		if err != nil {
			return nil, err
		}
		s.teams[n] = t
	}
	for n := range s.teams {
		s.names = append(s.names, n)
	}
	slices.Sort(s.names)
	return s, nil
}

// Get returns a team.
func (s *Set) Get(name string) (Team, bool) {
	t, ok := s.teams[name]
	return t, ok
}

// Names lists the teams, sorted.
func (s *Set) Names() []string { return slices.Clone(s.names) }

// All lists the teams, sorted by name.
func (s *Set) All() []Team {
	out := make([]Team, 0, len(s.names))
	for _, n := range s.names {
		out = append(out, s.teams[n])
	}
	return out
}

// ReplyFrom says when a customer handed to team at t can expect a reply:
// t itself when the team works then, else the start of its next working
// hours (closed true).
func (s *Set) ReplyFrom(team string, t time.Time) (at time.Time, closed bool) {
	tm, ok := s.teams[team]
	if !ok || tm.Hours.Open(t) {
		return t, false
	}
	next, ok := tm.Hours.Next(t)
	if !ok {
		return t, false
	}
	return next, true
}
