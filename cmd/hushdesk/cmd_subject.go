package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/hushdesk/hushdesk/audit"
)

// runSubject carries out data-subject requests from the shell:
//
//	subject export ID     everything held about a customer (GDPR Art. 15/20)
//	subject erase ID      erasure (Art. 17), with a receipt
//	subject requests      the request log with deadlines
//	subject hold ID --basis TEXT / subject release ID
func runSubject(ctx context.Context, e env) error {
	usage := fmt.Errorf("%w: subject export ID | erase ID | requests | hold ID --basis TEXT | release ID", errUsage)
	if len(e.args) == 0 {
		return usage
	}
	sub := e.args[0]
	fs := newFlagSet("subject "+sub, e.stderr, storeSettings...)
	regime := fs.String("regime", audit.RegimeGDPR, "the law the request is made under: gdpr or ccpa")
	basis := fs.String("basis", "", "the legal basis of a hold (a case or legal reference, not a person's name)")
	if err := parseFlags(fs, e.args[1:]); err != nil {
		return err
	}
	id := fs.Arg(0)
	if (sub != "requests" && id == "") || fs.NArg() > 1 {
		return usage
	}
	m, err := openRecords(ctx, fs, e.stderr, false)
	if err != nil {
		return err
	}
	defer m.Close()
	actor := cliActor()
	s := m.Audit
	switch sub {
	case "export":
		p := s.SubjectPseudonym(id)
		req, err := s.OpenRequest(ctx, audit.RequestAccess, p, *regime, actor)
		if err != nil {
			return err
		}
		exp, err := s.ExportSubject(ctx, p, actor)
		if err != nil {
			return err
		}
		if _, err := s.CompleteRequest(ctx, req.ID, actor); err != nil {
			return err
		}
		return writeJSON(e.stdout, exp)
	case "erase":
		p := s.SubjectPseudonym(id)
		req, err := s.OpenRequest(ctx, audit.RequestErasure, p, *regime, actor)
		if err != nil {
			return err
		}
		rec, err := s.EraseSubject(ctx, p, actor)
		var he audit.HoldError
		if errors.As(err, &he) {
			// Whoever runs this holds the data directory: they see the hold.
			fmt.Fprintf(e.stderr, "hushdesk subject erase: %v: %q, placed %s by %s\nthe request %s stays open; its deadline is %s\n",
				he, he.Hold.Basis, he.Hold.Placed.Format("2006-01-02"), he.Hold.Actor, req.ID, req.Deadline.Format("2006-01-02"))
			return errFailed
		}
		if err != nil {
			return err
		}
		if _, err := s.CompleteRequest(ctx, req.ID, actor); err != nil {
			return err
		}
		return writeJSON(e.stdout, map[string]any{"subject": rec.Subject, "erased_at": rec.ErasedAt,
			"events_affected": rec.EventsAffected, "audit_seq": rec.AuditSeq, "request_id": req.ID})
	case "requests":
		reqs, err := s.Requests(ctx)
		if err != nil {
			return err
		}
		for _, r := range reqs {
			done := "open"
			if r.Completed != nil {
				done = "completed " + r.Completed.Format("2006-01-02")
			}
			fmt.Fprintf(e.stdout, "%s  %-13s %-4s %s  received %s  deadline %s  %s\n", r.ID, r.Kind, r.Regime, r.Subject,
				r.Received.Format("2006-01-02"), r.Deadline.Format("2006-01-02"), done)
		}
		return nil
	case "hold":
		if *basis == "" {
			return fmt.Errorf("%w: subject hold ID --basis TEXT", errUsage)
		}
		h, err := s.PlaceHold(ctx, s.SubjectPseudonym(id), *basis, actor)
		if err != nil {
			return err
		}
		return writeJSON(e.stdout, h)
	case "release":
		return s.ReleaseHold(ctx, s.SubjectPseudonym(id), actor)
	}
	return usage
}
