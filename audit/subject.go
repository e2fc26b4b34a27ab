package audit

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"
)

// SubjectExport is everything the store holds about one subject, for
// access and portability requests (GDPR Art. 15 and 20): every event's
// envelope (decision, reason, model and digest, the sources behind each
// answer), the decrypted content where it is still readable, the
// subject's requests, and the statement of purposes, retention,
// recipients and the logic of the automated decisions.
type SubjectExport struct {
	Subject       string    `json:"subject"`
	Generated     time.Time `json:"generated"`
	Statement     Statement `json:"statement"`
	Conversations []string  `json:"conversations"`
	Events        []Event   `json:"events"`
	// Shredded counts events whose content can no longer be read
	// (erased, or past retention); their envelopes are still listed.
	Shredded int       `json:"shredded_events"`
	Requests []Request `json:"requests"`
	AuditSeq uint64    `json:"audit_seq"` // the event recording this export
}

// ExportSubject gathers everything held about a subject: its own events
// and the anonymous events of the conversations it took part in. The
// export is recorded as an event (without its content).
func (rs *Records) ExportSubject(ctx context.Context, pseudonym, actor string) (SubjectExport, error) {
	if err := rs.writable(); err != nil {
		return SubjectExport{}, err
	}
	if !isPseudonym(pseudonym, "s_") {
		return SubjectExport{}, invalid("subject %q is not a subject pseudonym (s_...)", pseudonym)
	}
	out := SubjectExport{Subject: pseudonym, Generated: rs.now().UTC(), Statement: rs.opts.Statement,
		Conversations: []string{}, Events: []Event{}, Requests: []Request{}}
	own, err := rs.b.Subject(ctx, pseudonym)
	if err != nil {
		return SubjectExport{}, fmt.Errorf("export subject: %w", err)
	}
	seen := make(map[uint64]bool)
	for _, ev := range own {
		seen[ev.Seq] = true
		if ev.Conversation != "" && !slices.Contains(out.Conversations, ev.Conversation) {
			out.Conversations = append(out.Conversations, ev.Conversation)
		}
	}
	out.Events = append(out.Events, own...)
	// The anonymous turns of the subject's conversations (the
	// assistant's, before the customer was known) belong to them too.
	for _, conv := range out.Conversations {
		evs, err := rs.b.Conversation(ctx, conv)
		if err != nil {
			return SubjectExport{}, fmt.Errorf("export subject: %w", err)
		}
		for _, ev := range evs {
			if !seen[ev.Seq] && ev.Subject == "" {
				seen[ev.Seq] = true
				out.Events = append(out.Events, ev)
			}
		}
	}
	slices.SortFunc(out.Events, func(a, b Event) int { return cmp.Compare(a.Seq, b.Seq) })
	for i := range out.Events {
		out.Events[i].redactedOnly()
		if out.Events[i].Shredded {
			out.Shredded++
		}
	}
	reqs, err := rs.Requests(ctx)
	if err != nil {
		return SubjectExport{}, err
	}
	for _, r := range reqs {
		if r.Subject == pseudonym {
			out.Requests = append(out.Requests, r)
		}
	}
	out.AuditSeq, err = rs.append(ctx, Envelope{Time: out.Generated, Type: TypeSubjectExport, Subject: pseudonym, Actor: actor,
		Attrs: map[string]string{
			"events":          strconv.Itoa(len(out.Events)),
			"shredded_events": strconv.Itoa(out.Shredded),
			"conversations":   strconv.Itoa(len(out.Conversations)),
		}}, nil, Change{})
	if err != nil {
		return SubjectExport{}, fmt.Errorf("record subject export: %w", err)
	}
	return out, nil
}

// decodeSeqs reads indexed events, without decrypting them.
func decodeSeqs(tx *bolt.Tx, seqs []uint64) ([]Event, error) {
	events := tx.Bucket(bucketEvents)
	out := make([]Event, 0, len(seqs))
	for _, seq := range seqs {
		v := events.Get(seqKey(seq))
		if v == nil {
			return nil, fmt.Errorf("index names missing event %d: %w", seq, ErrTampered)
		}
		ev, err := decodeEvent(seq, v)
		if err != nil {
			return nil, fmt.Errorf("event %d: %w", seq, err)
		}
		out = append(out, ev)
	}
	return out, nil
}
