package triage

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
)

// ErrInvalidOptions reports Options that cannot be used.
var ErrInvalidOptions = errors.New("invalid hand-off policy options")

// DefaultThreshold is the score at or above which a trigger fires when
// Options.Thresholds does not name it.
const DefaultThreshold = 0.5

// DefaultModelThresholds returns the probability at or above which the
// learned model alone fires each trigger when Options.ModelThresholds does
// not name it. They were chosen from out-of-fold probabilities (5-fold
// cross-validation on the training set) so that the model alone flags
// about one routine question in a hundred: lowest for self-harm, where a
// miss costs most; highest for anger, legal threats and prompt injection,
// which the lexicon finds well and which ordinary frustration resembles.
// For a request for a person and for self-harm the model also needs an
// anchor word in the message (see lexicon.anchors).
func DefaultModelThresholds() map[Trigger]float64 {
	return map[Trigger]float64{
		SelfHarm:           0.4,
		PromptInjection:    0.7,
		LegalThreat:        0.7,
		PersonRequested:    0.6,
		DataErasureRequest: 0.6,
		DataAccessRequest:  0.5,
		Bereavement:        0.5,
		Health:             0.5,
		FinancialHardship:  0.5,
		Anger:              0.8,
		Complaint:          0.7,
	}
}

// DefaultTeam is the team that takes a hand-off no keyword routes.
const DefaultTeam = "account"

// Options configures a Policy. The zero value uses the defaults.
type Options struct {
	// Thresholds is the lexicon's score, above 0 and at most 1, at or
	// above which a trigger fires. Triggers left out use DefaultThreshold
	// (0.5). A lower threshold hands off more; a single strong cue scores
	// 0.85 to 0.95, a weak one 0.4 to 0.45, so that weak cues fire only
	// together.
	Thresholds map[Trigger]float64 `json:"thresholds,omitempty" yaml:"thresholds,omitempty"`
	// ModelThresholds is the learned model's probability, above 0 and at
	// most 1, at or above which the model fires a trigger that the
	// lexicon did not find. Triggers left out use
	// DefaultModelThresholds(). A higher threshold hands off less.
	ModelThresholds map[Trigger]float64 `json:"model_thresholds,omitempty" yaml:"model_thresholds,omitempty"`
	// LexiconOnly turns the learned model off, leaving the lexicon alone
	// to decide. Default false.
	LexiconOnly bool `json:"lexicon_only,omitempty" yaml:"lexicon_only,omitempty"`
	// Disabled lists triggers that never fire.
	Disabled []Trigger `json:"disabled,omitempty" yaml:"disabled,omitempty"`
	// Teams maps each team to the keywords that route a question to it,
	// written as patterns (see the package's pattern syntax: "refund*",
	// "gift_card", "转人工"). Nil: DefaultTeams().
	Teams map[string][]string `json:"teams,omitempty" yaml:"teams,omitempty"`
	// DefaultTeam takes a hand-off that no keyword routes. Default
	// DefaultTeam ("account").
	DefaultTeam string `json:"default_team,omitempty" yaml:"default_team,omitempty"`
	// TriggerTeams names the team a trigger leans to: it counts as a
	// word of the question for that team and wins ties, so the topic
	// still decides (TeamFor). Nil: data-subject requests lean to
	// "privacy".
	TriggerTeams map[Trigger]string `json:"trigger_teams,omitempty" yaml:"trigger_teams,omitempty"`
}

// DefaultTriggerTeams returns the default Options.TriggerTeams.
func DefaultTriggerTeams() map[Trigger]string {
	return map[Trigger]string{DataAccessRequest: "privacy", DataErasureRequest: "privacy"}
}

// withDefaults fills in what o leaves out.
func (o Options) withDefaults() Options {
	if o.Teams == nil {
		o.Teams = DefaultTeams()
	}
	if o.DefaultTeam == "" {
		o.DefaultTeam = DefaultTeam
	}
	if o.TriggerTeams == nil {
		o.TriggerTeams = DefaultTriggerTeams()
	}
	return o
}

// Validate reports the first problem with o, wrapping ErrInvalidOptions.
func (o Options) Validate() error {
	o = o.withDefaults()
	classified := Triggers()
	if err := checkThresholds("threshold", o.Thresholds, classified); err != nil {
		return err
	}
	if err := checkThresholds("model threshold", o.ModelThresholds, classified); err != nil {
		return err
	}
	for _, t := range o.Disabled {
		if !slices.Contains(classified, t) {
			return fmt.Errorf("%w: cannot disable unknown trigger %q", ErrInvalidOptions, t)
		}
	}
	if len(o.Teams) == 0 {
		return fmt.Errorf("%w: no teams", ErrInvalidOptions)
	}
	for _, team := range slices.Sorted(maps.Keys(o.Teams)) {
		if err := checkTeamName(team); err != nil {
			return err
		}
		for _, kw := range o.Teams[team] {
			if _, err := compilePattern(kw, 0); err != nil {
				return fmt.Errorf("%w: team %s: %w", ErrInvalidOptions, team, err)
			}
		}
	}
	if err := checkTeamName(o.DefaultTeam); err != nil {
		return fmt.Errorf("default team: %w", err)
	}
	for _, t := range slices.Sorted(maps.Keys(o.TriggerTeams)) {
		team := o.TriggerTeams[t]
		if !slices.Contains(classified, t) && t != RepeatedFailure {
			return fmt.Errorf("%w: team for unknown trigger %q", ErrInvalidOptions, t)
		}
		if _, ok := o.Teams[team]; !ok && team != o.DefaultTeam {
			return fmt.Errorf("%w: trigger %s goes to team %q, which is not in teams", ErrInvalidOptions, t, team)
		}
	}
	return nil
}

func checkThresholds(what string, m map[Trigger]float64, classified []Trigger) error {
	for _, t := range slices.Sorted(maps.Keys(m)) {
		v := m[t]
		if !slices.Contains(classified, t) {
			return fmt.Errorf("%w: %s for unknown trigger %q", ErrInvalidOptions, what, t)
		}
		if math.IsNaN(v) || v <= 0 || v > 1 {
			return fmt.Errorf("%w: %s for %s is %v; it must be above 0 and at most 1", ErrInvalidOptions, what, t, v)
		}
	}
	return nil
}

func checkTeamName(team string) error {
	if team == "" || strings.TrimSpace(team) != team || strings.ContainsAny(team, " \t\n") {
		return fmt.Errorf("%w: team name %q must be one word", ErrInvalidOptions, team)
	}
	return nil
}
