package search

import "github.com/hushdesk/hushdesk/retrieval/kb"

// Documents whose names or URLs hold personal data are refused by every
// ingest, whatever the personal-data policy: an id or a link cannot be
// redacted (two documents would become one, a link would break).

// refuseName adds the ith document to the report's refusals when its id
// or URL holds personal data, and reports whether it did.
func (ix *Index) refuseName(rep *IngestReport, i int, doc kb.Document) bool {
	name, found := kb.CheckName(doc, ix.opts.Scrub)
	if found == nil {
		return false
	}
	rep.Refused = append(rep.Refused, kb.Refusal{Index: i, Name: name, PersonalData: found})
	return true
}

// refusal is the error an ingest returns for the documents it refused,
// nil when it refused none.
func (r IngestReport) refusal() error {
	if len(r.Refused) == 0 {
		return nil
	}
	return &kb.RefusedError{Refused: r.Refused}
}
