// Package ner is the sequence tagger behind the redactor's statistical
// name finder: a first-order structured perceptron over hashed features,
// with averaged weights, decoded with Viterbi over three labels (outside
// a name, the first token of a name, a later token of a name).
//
// The package knows nothing of words or languages: a caller turns each
// token into a few feature hashes (see Hash), asks the Model for the
// token's scores and decodes the sequence. The redactor's features, the
// synthetic training messages and the training run live with the
// redactor; this package holds the arithmetic, the training algorithm
// and the file format of the weights, so that they can be tested alone.
//
// Weights are stored as 16-bit integers, relative to the outside label
// (only the differences between labels matter to the decoder), so a model
// of 2^16 feature buckets takes 256 KiB before compression.
package ner
