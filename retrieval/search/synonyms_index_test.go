package search

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// indexSynonyms reads the synonyms of every term of a synonym source
// from the index, sorted.
func indexSynonyms(t *testing.T, ix *Index, source string) map[string][]string {
	t.Helper()
	reader, err := ix.readerFor()
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	thes, ok := reader.IndexReader.(index.ThesaurusReader)
	if !ok {
		t.Fatal("the index reader has no thesaurus")
	}
	keys, err := thes.ThesaurusKeys(source)
	if err != nil {
		t.Fatal(err)
	}
	defer keys.Close()
	out := map[string][]string{}
	for e, err := keys.Next(); e != nil || err != nil; e, err = keys.Next() {
		if err != nil {
			t.Fatal(err)
		}
		tr, err := thes.ThesaurusTermReader(context.Background(), source, []byte(e.Term))
		if err != nil {
			t.Fatal(err)
		}
		for s, err := tr.Next(); s != "" || err != nil; s, err = tr.Next() {
			if err != nil {
				t.Fatal(err)
			}
			out[e.Term] = append(out[e.Term], s)
		}
		tr.Close()
		slices.Sort(out[e.Term])
	}
	return out
}

// TestIndexHoldsTheSynonymLists checks that the synonym definitions the
// index holds give each term the synonyms that the thesaurus, compiled
// from the same lists, gives it: no more, no fewer, none twice.
func TestIndexHoldsTheSynonymLists(t *testing.T) {
	ix, err := OpenMemory(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, fam := range families {
		want := map[string][]string{}
		for term, syns := range ix.lexicon().thesauri[fam].synonyms {
			want[term] = slices.Sorted(slices.Values(syns))
		}
		got := indexSynonyms(t, ix, synonymSource(fam))
		if len(want) == 0 {
			t.Errorf("%s: no synonyms", fam)
		}
		for term, w := range want {
			if !slices.Equal(got[term], w) {
				t.Errorf("%s %q: the index gives %v, the thesaurus %v", fam, term, got[term], w)
			}
		}
		for term := range got {
			if _, ok := want[term]; !ok {
				t.Errorf("%s %q: synonyms in the index only: %v", fam, term, got[term])
			}
		}
	}
	if n, _ := ix.Chunks(); n != 0 {
		t.Errorf("an index without passages counts %d", n)
	}
}

// clauseTerms lists the terms a first-pass query searches, by field, and
// which of them Bleve's synonym search expands.
func clauseTerms(q query.Query, expanded bool, out map[string]bool) {
	switch q := q.(type) {
	case *query.DisjunctionQuery:
		for _, c := range q.Disjuncts {
			clauseTerms(c, expanded, out)
		}
	case unexpanded:
		clauseTerms(q.Query, false, out)
	case *query.TermQuery:
		key := q.FieldVal + " " + q.Term
		if expanded {
			key += " +synonyms"
		}
		out[key] = true
	}
}

// TestFirstPassLeavesSynonymsToBleve checks that the first pass holds no
// clause of its own for a synonym, and that Bleve's synonym search finds
// the passages that hold only a synonym of the query's words.
func TestFirstPassLeavesSynonymsToBleve(t *testing.T) {
	ix := openSample(t)
	ctx := context.Background()
	qterms, err := ix.analyseQuery(ctx, "reimbursement for my parcel")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	clauseTerms(lexicalQuery(qterms, "en", ix.topics.passageCount, nil), true, got)
	for _, want := range []string{"body_en reimburs +synonyms", "body_en parcel +synonyms", "body_ms parcel"} {
		if !got[want] {
			t.Errorf("no clause %q in %v", want, got)
		}
	}
	for _, synonym := range []string{"refund", "money_back", "packag", "shipment"} {
		for _, key := range []string{"body_en " + synonym, "body_en " + synonym + " +synonyms"} {
			if got[key] {
				t.Errorf("the first pass searches the synonym %q itself", key)
			}
		}
	}
	// No passage holds "reimburs": what the first pass finds, it finds
	// through the synonyms Bleve adds.
	tq := newTermQuery("body_en", "reimburs", 1)
	pre, err := ix.preSearch(ctx, tq)
	if err != nil {
		t.Fatal(err)
	}
	req := bleve.NewSearchRequestOptions(tq, 5, 0, false)
	req.Fields = []string{"doc_id"}
	req.PreSearchData = pre
	sr, err := ix.idx.SearchInContext(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if len(sr.Hits) == 0 || sr.Hits[0].Fields["doc_id"] != "sample/en/refunds.md" {
		t.Fatalf("synonym search for reimburs found %v", sr.Hits)
	}
	// Searched as it is, the term finds nothing.
	sr, err = ix.idx.SearchInContext(ctx, bleve.NewSearchRequest(unexpanded{tq}))
	if err != nil || len(sr.Hits) != 0 {
		t.Fatalf("unexpanded search for reimburs found %d passages, %v", len(sr.Hits), err)
	}
}

// TestVocabularyFollowsTheFiles checks that an index on disk takes a
// vocabulary folder's files as they are when it is opened and when it is
// re-indexed: a synonym group added to the folder finds its words, a
// phrase it names is joined in the passages, and both go when the file
// does; a broken file fails the reindex and leaves the vocabulary in use.
func TestVocabularyFollowsTheFiles(t *testing.T) {
	ctx := context.Background()
	folder := t.TempDir()
	vocabulary := func() (*Vocabulary, error) { return ReadVocabulary(os.DirFS(folder)) }
	write := func(body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(folder, "birds.yaml"), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), DirName)
	ix, err := Open(path, Options{Vocabulary: vocabulary})
	if err != nil {
		t.Fatal(err)
	}
	doc := kb.Document{ID: "kb/post.md", Lang: lang.English, Text: "# Pigeon post\n\nWe send letters by carrier pigeon."}
	if _, err := ix.Ingest(ctx, []kb.Document{doc}); err != nil {
		t.Fatal(err)
	}
	owl := func(ix *Index) int {
		t.Helper()
		res, err := ix.Search(ctx, Query{Text: "owl", Lang: lang.English})
		if err != nil {
			t.Fatal(err)
		}
		return len(res.Passages)
	}
	if owl(ix) != 0 {
		t.Fatal("owl found something before any file named it")
	}
	ix.Close()

	// On start: the new file is read, the passages analysed again.
	write("synonyms:\n  en:\n    - [owl, carrier pigeon]\n")
	ix, err = Open(path, Options{Vocabulary: vocabulary})
	if err != nil {
		t.Fatal(err)
	}
	if owl(ix) != 1 {
		t.Fatal("after a synonym was added, owl found nothing")
	}
	if !slices.Contains(indexSynonyms(t, ix, synonymSource("en"))["owl"], "carrier_pigeon") {
		t.Errorf("the index lacks the new group: %v", indexSynonyms(t, ix, synonymSource("en"))["owl"])
	}
	if n, _ := ix.Chunks(); n != 1 {
		t.Errorf("passages = %d, want 1", n)
	}
	raw, _ := ix.idx.GetInternal(internalSynonyms)
	var held synonymState
	if err := json.Unmarshal(raw, &held); err != nil || held.Version != ix.lexicon().vocab.Version() {
		t.Fatalf("synonym state %s, %v; want version %s", raw, err, ix.lexicon().vocab.Version())
	}

	// By a reindex: a broken file is refused, the vocabulary stays.
	write("synonyms:\n  klingon:\n    - [owl, pigeon]\n")
	if _, err := ix.Reindex(ctx); !errors.Is(err, ErrVocabulary) {
		t.Fatalf("reindex with a broken file: err = %v, want ErrVocabulary", err)
	}
	if owl(ix) != 1 {
		t.Fatal("a refused file changed the vocabulary")
	}
	// ... and the file gone, so is the group.
	if err := os.Remove(filepath.Join(folder, "birds.yaml")); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Reindex(ctx); err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if owl(ix) != 0 {
		t.Fatal("after the file was removed, owl still finds the pigeons")
	}
	if got := indexSynonyms(t, ix, synonymSource("en"))["owl"]; got != nil {
		t.Errorf("owl keeps the synonyms %v", got)
	}
	if n, _ := ix.Chunks(); n != 1 {
		t.Errorf("passages = %d, want 1", n)
	}
}
