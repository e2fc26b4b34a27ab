// Package eval measures retrieval: it reads BEIR data sets (corpus,
// queries, relevance judgements), writes TREC run files, scores runs with
// nDCG, recall and MRR, scores the confidence signal as an answerable /
// unanswerable classifier, and runs a plain BM25 baseline to compare with.
//
// The sample knowledge base's own evaluation set lives in the repository's
// testdata/retrieval folder; SampleCorpus produces its corpus so that it
// never drifts from the embedded articles.
package eval
