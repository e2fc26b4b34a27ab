package kb

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hushdesk/hushdesk/inference/fault"
)

// Personal-data policies: what happens to a document in which the
// scrubber finds personal data.
const (
	// PersonalDataRedact indexes the redacted text and reports what was
	// found. It is the default.
	PersonalDataRedact = "redact"
	// PersonalDataRefuse refuses a document in which personal data is
	// found: the ingest fails with ErrPersonalData and changes nothing.
	PersonalDataRefuse = "refuse"
)

// ErrPersonalData is returned, under PersonalDataRefuse, for documents in
// which the scrubber found personal data.
var ErrPersonalData = fault.New(fault.Unprocessable, "document holds personal data")

// PersonalDataError says which documents an ingest refused for personal
// data, with the types and counts found in each, never the values. It
// matches ErrPersonalData with errors.Is.
type PersonalDataError struct {
	// Found is, by document id, how many values of each type were found.
	Found map[string]map[string]int
}

// Error names the documents and what was found in them.
func (e *PersonalDataError) Error() string {
	var b strings.Builder
	b.WriteString("document holds personal data (nothing was ingested): ")
	for i, id := range slices.Sorted(maps.Keys(e.Found)) {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(id)
		b.WriteString(":")
		for _, t := range slices.Sorted(maps.Keys(e.Found[id])) {
			fmt.Fprintf(&b, " %s %d", t, e.Found[id][t])
		}
	}
	return b.String()
}

// Unwrap returns ErrPersonalData.
func (e *PersonalDataError) Unwrap() error { return ErrPersonalData }
