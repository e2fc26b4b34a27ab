package audit

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// TransparencyReport is the data for a published transparency report over
// a time range: what the assistant decided and why, with which models,
// in which languages, how much personal data was redacted, and how fast
// data-subject requests were answered. It holds counts only.
type TransparencyReport struct {
	From      time.Time `json:"from"`
	To        time.Time `json:"to"`
	Generated time.Time `json:"generated"`
	// Events counts every event in the range by type.
	Events map[string]int `json:"events"`
	// Decisions counts decisions by kind (answer, abstain, handoff), each
	// with its reasons.
	Decisions      map[string]DecisionStats `json:"decisions"`
	DecisionsTotal int                      `json:"decisions_total"`
	Models         []ModelUse               `json:"models"`
	Languages      map[string]int           `json:"languages"`
	// Redactions sums the personal data found and removed, by type.
	Redactions map[string]int `json:"redactions"`
	Requests   RequestStats   `json:"requests"`
	// Security counts the events of the security trail in the range by
	// type (log-ins, failed log-ins, exports, reveals, approvals,
	// verifications ...; see SecurityTypes).
	Security map[string]int `json:"security"`
	// SigningKey is the fingerprint of the key that signs the log's
	// checkpoints (SHA-256 of the Ed25519 public key, hex), published so
	// that anyone can pin it: audit verify --pin.
	SigningKey string `json:"signing_key_fingerprint"`
}

// DecisionStats counts one kind of decision and its reasons.
type DecisionStats struct {
	Count   int            `json:"count"`
	Reasons map[string]int `json:"reasons"`
}

// ModelUse is one model (by name and digest) and when it decided.
type ModelUse struct {
	Generator string    `json:"generator"`
	Model     string    `json:"model"`
	Digest    string    `json:"digest"`
	Decisions int       `json:"decisions"`
	FirstSeen time.Time `json:"first_seen"`
	LastSeen  time.Time `json:"last_seen"`
}

// RequestStats describes the data-subject requests received in the range.
type RequestStats struct {
	Received  int            `json:"received"`
	Completed int            `json:"completed"`
	OnTime    int            `json:"on_time"`
	Late      int            `json:"late"`
	Open      int            `json:"open"`
	Overdue   int            `json:"overdue"`
	ByKind    map[string]int `json:"by_kind"`
	ByRegime  map[string]int `json:"by_regime"`
	// MedianHours and MaxHours are the time to answer completed requests.
	MedianHours float64 `json:"median_response_hours"`
	MaxHours    float64 `json:"max_response_hours"`
}

// Transparency computes the report for events from `from` (inclusive) to
// `to` (exclusive; zero means now) and for the requests received then.
func (rs *Records) Transparency(ctx context.Context, from, to time.Time) (TransparencyReport, error) {
	if to.IsZero() {
		to = rs.now()
	}
	if !to.After(from) {
		return TransparencyReport{}, invalid("the report's end must come after its start")
	}
	r := TransparencyReport{From: from.UTC(), To: to.UTC(), Generated: rs.now().UTC(),
		Events: map[string]int{}, Decisions: map[string]DecisionStats{}, Models: []ModelUse{},
		Languages: map[string]int{}, Redactions: map[string]int{},
		Requests: RequestStats{ByKind: map[string]int{}, ByRegime: map[string]int{}}, SigningKey: rs.b.Fingerprint(),
		Security: map[string]int{}}
	security := map[string]bool{}
	for _, t := range SecurityTypes() {
		security[t] = true
	}
	models := map[[3]string]*ModelUse{}
	err := rs.b.Scan(ctx, Filter{From: from, To: to}, false, func(e Event) error {
		r.Events[e.Type]++
		if security[e.Type] {
			r.Security[e.Type]++
		}
		if e.Type != TypeDecision {
			return nil
		}
		r.DecisionsTotal++
		d := r.Decisions[e.Decision]
		if d.Reasons == nil {
			d.Reasons = map[string]int{}
		}
		d.Count++
		d.Reasons[cmpOr(e.ReasonCode, "unspecified")]++
		r.Decisions[e.Decision] = d
		if e.Language != "" {
			r.Languages[e.Language]++
		}
		for typ, n := range e.Redactions {
			r.Redactions[typ] += n
		}
		key := [3]string{e.Generator, e.Model, e.ModelDigest}
		m := models[key]
		if m == nil {
			m = &ModelUse{Generator: e.Generator, Model: e.Model, Digest: e.ModelDigest, FirstSeen: e.Time}
			models[key] = m
		}
		m.Decisions++
		m.LastSeen = e.Time
		return nil
	})
	if err != nil {
		return r, fmt.Errorf("transparency: %w", err)
	}
	for _, m := range models {
		r.Models = append(r.Models, *m)
	}
	slices.SortFunc(r.Models, func(a, b ModelUse) int { return a.FirstSeen.Compare(b.FirstSeen) })
	reqs, err := rs.Requests(ctx)
	if err != nil {
		return r, err
	}
	r.Requests.add(reqs, from, to)
	return r, nil
}

func (st *RequestStats) add(reqs []Request, from, to time.Time) {
	var hours []float64
	for _, q := range reqs {
		if q.Received.Before(from) || !q.Received.Before(to) {
			continue
		}
		st.Received++
		st.ByKind[q.Kind]++
		st.ByRegime[q.Regime]++
		switch {
		case q.Completed != nil:
			st.Completed++
			if q.Completed.After(q.Deadline) {
				st.Late++
			} else {
				st.OnTime++
			}
			hours = append(hours, q.Completed.Sub(q.Received).Hours())
		case q.Status == StatusOverdue:
			st.Overdue++
		default:
			st.Open++
		}
	}
	if len(hours) == 0 {
		return
	}
	slices.Sort(hours)
	st.MaxHours = hours[len(hours)-1]
	if n := len(hours); n%2 == 1 {
		st.MedianHours = hours[n/2]
	} else {
		st.MedianHours = (hours[n/2-1] + hours[n/2]) / 2
	}
}
