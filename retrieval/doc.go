// Package retrieval owns the knowledge base: it reads documents
// (Markdown, HTML, plain text, PDF), cuts them into passages by headings
// with a small overlap, analyses each passage in its language, keeps them
// in a Bleve index scored by BM25, and answers searches with the best
// passages and a confidence signal.
//
// Languages: English and Danish with their stemmers, Chinese with CJK
// bigrams over text folded from traditional to simplified characters (so
// either script finds both), Malay with standard analysis and Malay stop
// words. A query is searched first in its own language and then in the
// others, so a question in a language with no articles still finds an
// answer.
//
// Customers misspell and paraphrase: a support-domain synonym list
// (refund, reimbursement, money back ...) is indexed as Bleve synonym
// sources, one per language, and a query word that no passage holds is
// also matched fuzzily. With an Embedder, passages are embedded as they
// are ingested and the nearest ones to a query's embedding are fused with
// the BM25 ranking by reciprocal rank fusion; the vectors live beside the
// index and are searched in process.
//
// The confidence of a result is the share of the query's weight (its
// terms, weighted by rarity) that the top passage holds; the assistant
// abstains below a threshold. The sub-package eval measures all of this on
// BEIR data sets.
package retrieval
