package search

import (
	"context"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// openSample returns an in-memory index holding the sample knowledge base.
func openSample(t testing.TB) *Index {
	t.Helper()
	ix, err := OpenMemory(Options{Vocabulary: shopVocabulary})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	docs, err := shopDocuments()
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 12*5 {
		t.Fatalf("sample knowledge base has %d documents", len(docs))
	}
	if _, err := ix.Ingest(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	return ix
}

func TestSearchSampleKnowledgeBase(t *testing.T) {
	ix := openSample(t)
	tests := []struct {
		query, lang, wantDoc string
	}{
		{"How do I return an item?", "en", "sample/en/returns.md"},
		{"when will I get my money back", "en", "sample/en/refunds.md"},
		{"I forgot my password", "en", "sample/en/password.md"},
		{"Hvordan returnerer jeg en vare?", "da", "sample/da/returns.md"},
		{"Kan jeg betale med MobilePay?", "da", "sample/da/payment.md"},
		{"我忘记密码了怎么办", "zh-Hans", "sample/zh-Hans/password.md"},
		{"怎么退货", "zh-Hans", "sample/zh-Hans/returns.md"},
		{"請問保固多久", "zh-Hant", "sample/zh-Hant/warranty.md"},
		{"Bagaimana saya boleh memulangkan barang?", "ms", "sample/ms/returns.md"},
		{"bila waktu operasi khidmat pelanggan", "ms", "sample/ms/opening-hours.md"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res, err := ix.Search(context.Background(), Query{Text: tt.query})
			if err != nil {
				t.Fatal(err)
			}
			if res.Lang != lang.Tag(tt.lang) {
				t.Errorf("language = %s, want %s", res.Lang, tt.lang)
			}
			if len(res.Passages) == 0 {
				t.Fatal("no passages")
			}
			var got []string
			for _, p := range res.Passages {
				got = append(got, p.DocID)
			}
			if res.Passages[0].DocID != tt.wantDoc {
				t.Errorf("top = %v, want %s first", got, tt.wantDoc)
			}
			t.Logf("confidence %.2f score %.2f", res.Confidence, res.Passages[0].Score)
		})
	}
}

func TestSearchUnrelatedHasLowConfidence(t *testing.T) {
	ix := openSample(t)
	for _, q := range []string{"What is the capital of Mongolia?", "quantum chromodynamics lattice"} {
		res, err := ix.Search(context.Background(), Query{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		if res.Confidence >= 0.5 {
			t.Errorf("%q: confidence %.2f for %v", q, res.Confidence, res.Passages)
		}
	}
}

func TestIngestSkipsUnchangedAndReplacesChanged(t *testing.T) {
	ix, err := OpenMemory(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	doc := kb.Document{ID: "kb/a.md", Text: "# Shipping\n\nWe ship with carrier pigeons.\n\n## Costs\n\nPigeons are free."}
	rep, err := ix.Ingest(ctx, []kb.Document{doc})
	if err != nil || rep.Added != 1 || rep.Chunks != 2 {
		t.Fatalf("first ingest = %+v, %v", rep, err)
	}
	rep, _ = ix.Ingest(ctx, []kb.Document{doc})
	if rep.Unchanged != 1 {
		t.Fatalf("second ingest = %+v", rep)
	}
	doc.Text = strings.ReplaceAll(doc.Text, "pigeons", "owls")
	rep, _ = ix.Ingest(ctx, []kb.Document{doc})
	if rep.Updated != 1 {
		t.Fatalf("changed ingest = %+v", rep)
	}
	res, _ := ix.Search(ctx, Query{Text: "pigeons"})
	for _, p := range res.Passages {
		if strings.Contains(p.Text, "carrier pigeons") {
			t.Fatalf("old version still found: %+v", p)
		}
	}
	if n, _ := ix.Chunks(); n != 2 {
		t.Fatalf("chunks = %d, want 2", n)
	}
	if n, _ := ix.Prune(ctx, "kb/", map[string]bool{}); n != 1 {
		t.Fatalf("Prune removed %d", n)
	}
	if n, _ := ix.Chunks(); n != 0 {
		t.Fatalf("chunks after prune = %d", n)
	}
}

// TestSearchWhileIngesting runs searches and ingests at once; with -race
// it checks that the index is safe for concurrent use.
func TestSearchWhileIngesting(t *testing.T) {
	ix := openSample(t)
	ctx := context.Background()
	done := make(chan error)
	go func() {
		var err error
		for i := 0; i < 20 && err == nil; i++ {
			_, err = ix.Ingest(ctx, []kb.Document{{ID: "kb/extra.md", Text: "# Extra\n\nVersion " + strings.Repeat("x", i+1)}})
		}
		done <- err
	}()
	for i := 0; i < 50; i++ {
		if _, err := ix.Search(ctx, Query{Text: []string{"refund", "退貨", "lupa kata laluan", "glemt kodeord"}[i%4]}); err != nil {
			t.Fatal(err)
		}
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// TestSearchCustomerPhrasing checks the ways customers ask that the
// articles do not word: paraphrases, Cantonese, Malaysian chat
// shorthand, lang.Danish with lang.English words and compounds, and place names.
func TestSearchCustomerPhrasing(t *testing.T) {
	ix := openSample(t)
	tests := []struct {
		name, query, want string
	}{
		{"paraphrase of a return", "i regret buying this lamp", "sample/en/returns.md"},
		{"send something back", "can i send the kettle back", "sample/en/returns.md"},
		{"escalation", "i want a manager to look at my case", "sample/en/complaints.md"},
		{"erasure", "wipe every trace of me from your systems", "sample/en/privacy-and-data-requests.md"},
		{"misspelt topic word", "refnd not on my card yet", "sample/en/refunds.md"},
		{"english place", "how many days to deliver to manchester", "sample/en/delivery.md"},
		{"cantonese", "退款幾耐先到", "sample/zh-Hant/refunds.md"},
		{"cantonese particles", "我想同真人傾偈", "sample/zh-Hant/contact-a-person.md"},
		{"chinese place", "寄到上海要几天", "sample/zh-Hans/delivery.md"},
		{"malay shorthand", "sy nak return barang boleh x", "sample/ms/returns.md"},
		{"malay holiday", "cny ada org jawab tak", "sample/ms/opening-hours.md"},
		{"malay place", "berapa hari sampai ke penang", "sample/ms/delivery.md"},
		{"malay spoken pronoun", "korang ada minta otp ke", "sample/ms/password.md"},
		{"danish with english", "free shipping fra hvor meget", "sample/da/delivery.md"},
		{"danish compound", "kundeservice telefonnummer", "sample/da/contact-a-person.md"},
		{"danish place", "levering til aalborg hvor lang tid", "sample/da/delivery.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.Search(context.Background(), Query{Text: tt.query})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Passages) == 0 || res.Passages[0].DocID != tt.want {
				var got []string
				for _, p := range res.Passages {
					got = append(got, p.DocID)
				}
				t.Fatalf("%q (%s) found %v, want %s first", tt.query, res.Lang, got, tt.want)
			}
			if res.Confidence < 0.3 {
				t.Errorf("%q: confidence %.2f, below the default threshold", tt.query, res.Confidence)
			}
		})
	}
}

func TestSearchNothingToFind(t *testing.T) {
	ix := openSample(t)
	for _, q := range []string{"", "   ", "?!", "zzqxv"} {
		res, err := ix.Search(context.Background(), Query{Text: q})
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if len(res.Passages) != 0 || res.Confidence != 0 {
			t.Errorf("%q found %d passages at confidence %.2f", q, len(res.Passages), res.Confidence)
		}
	}
}

// TestSearchSeesRewrittenPassages checks that the passages a search has
// read (and cached) are read afresh after the document is rewritten or
// removed.
func TestSearchSeesRewrittenPassages(t *testing.T) {
	ix, err := OpenMemory(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	doc := kb.Document{ID: "kb/a.md", Text: "# Shipping\n\nWe ship with carrier pigeons."}
	search := func() []Passage {
		t.Helper()
		res, err := ix.Search(ctx, Query{Text: "carrier pigeons", Lang: "en"})
		if err != nil {
			t.Fatal(err)
		}
		return res.Passages
	}
	for _, text := range []string{"every Monday", "every Friday"} {
		doc.Text = "# Shipping\n\nWe ship with carrier pigeons " + text + "."
		if _, err := ix.Ingest(ctx, []kb.Document{doc}); err != nil {
			t.Fatal(err)
		}
		for range 2 { // the second search reads the cache
			ps := search()
			if len(ps) != 1 || !strings.Contains(ps[0].Text, text) {
				t.Fatalf("after writing %q, found %+v", text, ps)
			}
		}
	}
	if _, err := ix.Remove(ctx, doc.ID); err != nil {
		t.Fatal(err)
	}
	if ps := search(); len(ps) != 0 {
		t.Fatalf("removed document still found: %+v", ps)
	}
}

// TestIntentOrdersSectionsNotConfidence checks that the section a
// question's intent puts first within an article does not change how
// sure the search is: the confidence is the article's, not the
// section's.
func TestIntentOrdersSectionsNotConfidence(t *testing.T) {
	ix := openSample(t)
	for _, tt := range []struct{ query, heading string }{
		{"How do I return a pair of shoes I bought last week?", "How to start a return"},
		{"do I have to pay to send the shoes back?", "Does a return cost anything?"},
	} {
		res, err := ix.Search(context.Background(), Query{Text: tt.query, Lang: "en"})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Passages) == 0 || res.Passages[0].Heading != tt.heading {
			t.Fatalf("%q: first passage %+v, want the section %q", tt.query, res.Passages, tt.heading)
		}
		if res.Confidence < 0.3 {
			t.Errorf("%q: confidence %.3f, below the default threshold", tt.query, res.Confidence)
		}
	}
}

// shopDocuments reads the shop sample's articles.
func shopDocuments() ([]kb.Document, error) {
	h, err := kb.Sample("shop")
	if err != nil {
		return nil, err
	}
	return h.Documents()
}

// shopVocabulary reads the engine's vocabulary and the shop sample's.
func shopVocabulary() (*Vocabulary, error) {
	h, err := kb.Sample("shop")
	if err != nil {
		return nil, err
	}
	return ReadVocabulary(h.Vocabulary())
}

// TestWithin keeps a search to the documents given, and gives back all
// the passages of one document that match, not two.
func TestWithin(t *testing.T) {
	ix := openSample(t)
	res, err := ix.Search(context.Background(), Query{Text: "return cost label days", Lang: "en", K: 8, Within: []string{"sample/en/returns.md"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Passages) < 3 {
		t.Fatalf("%d passages of the article", len(res.Passages))
	}
	for _, p := range res.Passages {
		if p.DocID != "sample/en/returns.md" {
			t.Fatalf("a passage of %s", p.DocID)
		}
	}
}

// TestTomorrowAsksNextDay checks that asking for a parcel tomorrow finds
// the section on next-day (express) delivery, in each language.
func TestTomorrowAsksNextDay(t *testing.T) {
	ix := openSample(t)
	tests := []struct {
		query     string
		l         lang.Tag
		doc, want string
	}{
		{"can i get it by tomorrow", lang.English, "sample/en/delivery.md", "Express delivery"},
		{"kan jeg få den i morgen", lang.Danish, "sample/da/delivery.md", "Ekspreslevering"},
		{"kan jeg faa den i morgen", lang.Danish, "sample/da/delivery.md", "Ekspreslevering"},
		{"今天下单明天能到吗", lang.ChineseSimplified, "sample/zh-Hans/delivery.md", "加急配送（次日达）"},
		{"boleh sampai esok tak", lang.Malay, "sample/ms/delivery.md", "Penghantaran ekspres"},
	}
	for _, tt := range tests {
		checkFirstSection(t, ix, tt.query, tt.l, tt.doc, tt.want)
	}
}

// checkFirstSection checks that a search held to one article puts the
// section under heading want first.
func checkFirstSection(t *testing.T, ix *Index, query string, l lang.Tag, doc, want string) {
	t.Helper()
	res, err := ix.Search(context.Background(), Query{Text: query, Lang: l, K: 4, Within: []string{doc}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Passages) == 0 || res.Passages[0].Heading != want {
		var got []string
		for _, p := range res.Passages {
			got = append(got, p.Heading)
		}
		t.Errorf("%q: sections %q, want %q first", query, got, want)
	}
}
