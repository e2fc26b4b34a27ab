package eval

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ErrFormat is returned for a line that does not follow the BEIR or TREC
// format.
var ErrFormat = errors.New("bad evaluation file format")

// CorpusDoc is one line of a BEIR corpus.
type CorpusDoc struct {
	ID    string `json:"_id"`
	Title string `json:"title"`
	Text  string `json:"text"`
}

// EvalQuery is one line of a BEIR queries file. Metadata may say the
// query's language ("lang") and that the knowledge base cannot answer it
// ("answerable": false, or "kind": "unanswerable"); all are optional.
type EvalQuery struct {
	ID       string        `json:"_id"`
	Text     string        `json:"text"`
	Metadata QueryMetadata `json:"metadata"`
}

// QueryMetadata is what an evaluation query may say about itself.
type QueryMetadata struct {
	Lang       string `json:"lang,omitempty"`
	Answerable *bool  `json:"answerable,omitempty"`
	// Kind is what the query was written to test ("direct",
	// "neighbour", "unanswerable"), when its set says.
	Kind string `json:"kind,omitempty"`
}

// Unanswerable reports whether the query is marked as one the corpus has
// no answer to.
func (q EvalQuery) Unanswerable() bool {
	return q.Metadata.Answerable != nil && !*q.Metadata.Answerable || q.Metadata.Kind == "unanswerable"
}

// Qrels are relevance judgements: query id, then document id, then grade
// (0 is not relevant).
type Qrels map[string]map[string]int

// ReadCorpus reads a BEIR corpus (JSON lines).
func ReadCorpus(r io.Reader) ([]CorpusDoc, error) {
	return readJSONL[CorpusDoc](r, func(d CorpusDoc) error {
		if d.ID == "" {
			return fmt.Errorf("%w: corpus line without _id", ErrFormat)
		}
		return nil
	})
}

// ReadQueries reads a BEIR queries file (JSON lines).
func ReadQueries(r io.Reader) ([]EvalQuery, error) {
	return readJSONL[EvalQuery](r, func(q EvalQuery) error {
		if q.ID == "" {
			return fmt.Errorf("%w: query line without _id", ErrFormat)
		}
		return nil
	})
}

func readJSONL[T any](r io.Reader, check func(T) error) ([]T, error) {
	var out []T
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var v T
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			return nil, fmt.Errorf("line %d: %w: %w", n, ErrFormat, err)
		}
		if err := check(v); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	return out, nil
}

// ReadQrels reads a BEIR qrels file: a header line, then
// "query-id corpus-id score" separated by tabs or spaces.
func ReadQrels(r io.Reader) (Qrels, error) {
	q := Qrels{}
	sc := bufio.NewScanner(r)
	header := true
	for n := 1; sc.Scan(); n++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		if header {
			header = false
			if _, err := strconv.Atoi(f[len(f)-1]); err != nil {
				continue // the header line
			}
		}
		if len(f) != 3 {
			return nil, fmt.Errorf("qrels line %d: %w: want 3 fields, have %d", n, ErrFormat, len(f))
		}
		grade, err := strconv.Atoi(f[2])
		if err != nil {
			return nil, fmt.Errorf("qrels line %d: %w: score %q", n, ErrFormat, f[2])
		}
		if q[f[0]] == nil {
			q[f[0]] = map[string]int{}
		}
		q[f[0]][f[1]] = grade
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read qrels: %w", err)
	}
	return q, nil
}

// Hit is one ranked document of a run.
type Hit struct {
	DocID string
	Score float64
}

// Run is a ranked list of documents per query id.
type Run map[string][]Hit

// WriteRun writes a run in TREC format, "qid Q0 docid rank score tag",
// queries in the order given.
func WriteRun(w io.Writer, run Run, order []string, tag string) error {
	bw := bufio.NewWriter(w)
	for _, qid := range order {
		for i, h := range run[qid] {
			if strings.ContainsAny(h.DocID, " \t\n") {
				return fmt.Errorf("%w: document id %q holds white space", ErrFormat, h.DocID)
			}
			fmt.Fprintf(bw, "%s Q0 %s %d %.6f %s\n", qid, h.DocID, i+1, h.Score, tag)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write run: %w", err)
	}
	return nil
}
