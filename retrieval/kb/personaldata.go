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

// ErrPersonalDataInName is returned for documents whose name (the id:
// a file's name, its folder, an upload's prefix) or URL holds personal
// data. Names and URLs are not redacted, which would make two documents
// one or break a link: such a document is refused whatever the policy,
// and the other documents of its ingest go in.
var ErrPersonalDataInName = fault.New(fault.Unprocessable, "document's name or url holds personal data")

// Refusal is a document refused for personal data in its name or URL,
// told without the values.
type Refusal struct {
	// Index is the document's position in its ingest (an upload's
	// files, in order), from 0.
	Index int `json:"index"`
	// Name is the document's id, redacted.
	Name string `json:"name"`
	// PersonalData counts what was found in the id and the URL, by type.
	PersonalData map[string]int `json:"personal_data"`
}

// CheckName returns what scrub finds in a document's id and URL: the id
// redacted, and the counts by type (nil when nothing is found). Contact
// details a document publishes are its text's, never its name's. A nil
// scrub finds nothing.
func CheckName(doc Document, scrub Scrub) (name string, found map[string]int) {
	if scrub == nil {
		return doc.ID, nil
	}
	name, inID, _ := scrub(doc.ID, false)
	_, inURL, _ := scrub(doc.URL, false)
	for _, c := range []map[string]int{inID, inURL} {
		for t, n := range c {
			if n == 0 {
				continue
			}
			if found == nil {
				found = map[string]int{}
			}
			found[t] += n
		}
	}
	return name, found
}

// RefusedError lists the documents an ingest refused for personal data
// in their names or URLs; the others were ingested. It matches
// ErrPersonalDataInName with errors.Is.
type RefusedError struct {
	Refused []Refusal
}

// Error names the refused documents, redacted, and what was found.
func (e *RefusedError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d of the documents refused: their names or urls hold personal data; rename them (the others were ingested): ", len(e.Refused))
	for i, r := range e.Refused {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(r.Name)
		b.WriteString(":")
		for _, t := range slices.Sorted(maps.Keys(r.PersonalData)) {
			fmt.Fprintf(&b, " %s %d", t, r.PersonalData[t])
		}
	}
	return b.String()
}

// Unwrap returns ErrPersonalDataInName.
func (e *RefusedError) Unwrap() error { return ErrPersonalDataInName }
