// Package search indexes the knowledge base's passages and searches them:
// it takes the documents the kb package reads and cuts into passages,
// analyses each passage in its language, keeps them in a Bleve index
// scored by BM25, and answers searches with the best passages and a
// confidence signal. The index also keeps the list of its documents, the
// folders they were ingested from and, with an embedding model, the
// passages' vectors.
//
// Languages: English and Danish with their stemmers, Chinese with CJK
// bigrams over text folded from traditional to simplified characters (so
// either script finds both), Malay with standard analysis and Malay stop
// words. A query's language is told by its words, and Chinese script by
// what OpenCC changes in it (Cantonese characters count as traditional);
// when nothing tells, by which language's passages hold its words.
//
// Customers do not word questions as articles do. Before a query is
// analysed, Cantonese becomes standard written Chinese (幾耐 -> 多久) and
// Malaysian chat shorthand is spelt out ("x" -> tidak, "cs" -> customer
// service). Each query word is then searched with what stands for it:
// the synonyms of the vocabulary in use (vocabulary.go: the engine's own
// file of the support domain's words, a company's files, an operator's
// folder; see docs/vocabulary.md), which the index holds as Bleve
// synonym definitions and Bleve's synonym search adds to the query
// (synonyms_index.go); what its one-way rules make of paraphrases
// ("changed my mind" -> return) and place names (Aarhus -> Denmark); the
// vocabulary word a misspelling is nearest to; the parts of a Danish
// compound no passage holds; near matches; and, for a lone Chinese
// character, the words it begins.
//
// A search has two passes. The first is a BM25 query over the passages'
// bodies, in the query's language family and, with its own words only,
// in the others (so a question in a language without articles still
// finds them); in large knowledge bases it leaves out words most
// passages hold. The second reranks the candidates, documents before
// passages, with a linear model learnt from labelled questions
// (ranking.go): how much of the query (its words weighted by rarity, and
// more when they name a topic: words of the titles, and words a rule
// recognised) a document's best passage, its title, its lead and its
// headings hold, its first-pass score, whether a heading promises the
// kind of answer asked for (how, when, what it costs, how far something
// has come), and how much of the query its versions in other languages
// hold. Within an article, a second linear model, learnt the same way
// from questions labelled with their section (sectionrank.go), orders
// the sections: how much of the query, and of what the article's title
// does not hold, a section and its heading hold, its first-pass score
// against its article's best, whether its heading promises the kind of
// answer asked for, names the asker's part of the world (region.go) or
// holds the time the question says has gone by ("within the first hour"
// for "ordered 20 mins ago", elapsed.go), whether it is a digest of
// questions, the lead, or named after something the question does not
// say, and, for a question asked on its own (not within an article nor
// continuing a conversation: Query.Continues), how early it comes in an
// article whose title says the question. Passages in the query's
// own language and script come first, and an article's version in the
// other Chinese script follows it.
//
// The confidence of a result, between 0 and 1, combines the top
// document's reranking score, the top passage's coverage of the query,
// its lead over other topics and the share of the query the knowledge
// base does not know (a place's name counting neither way), in a
// logistic function calibrated on labelled
// questions; the assistant abstains below a threshold (0.3 by default).
//
// With an Embedder, passages are embedded as they are ingested and the
// nearest ones to a query's embedding are fused with the reranked
// lexical ranking by reciprocal rank fusion; the vectors live beside the
// index and are searched in process. The sub-package eval measures all of
// this on BEIR data sets.
package search
