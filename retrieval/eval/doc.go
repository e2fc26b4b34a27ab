// Package eval measures retrieval: it reads BEIR data sets (corpus,
// queries, relevance judgements), writes TREC run files, scores runs with
// nDCG, recall and MRR, scores the confidence signal as an answerable /
// unanswerable classifier, and runs a plain BM25 baseline to compare with.
//
// The sample help centres' evaluation sets live in the repository's
// testdata/retrieval folder (the shop's at its top, the insurer's in
// insurer/); SampleCorpus produces their corpora so that they never drift
// from the embedded articles.
package eval
