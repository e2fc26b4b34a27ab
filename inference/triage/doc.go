// Package triage decides from a customer's (already redacted) message
// whether a person must take over, and why: the customer asks for a person,
// is angry, complains or threatens legal action, is vulnerable (self-harm,
// bereavement, financial hardship, health), makes a data-subject request,
// or tries to inject instructions. Each trigger is a stable reason code of
// package decision; the sentences for reviewers and for the customer are
// in package catalog.
//
// The classifier has two parts. The first is a lexicon of phrase patterns
// in the four languages, matched on word boundaries for spaced scripts
// and character by character for Chinese, with negation ("I don't need a
// human"), look-alikes ("human-readable invoice", "人工费"), intensity
// cues (ALL CAPS, repeated "!!!") and misspellings one edit away
// ("humna"). The person lexicon is built from parts: verbs for asking,
// transferring and calling back, and words for the people asked for.
//
// The second is a learned model: one-vs-rest logistic regression over
// hashed character n-grams, Chinese character n-grams, words and word
// pairs,
// trained by `go generate` from a labelled set in the package
// (training.jsonl) into weights.bin.gz, which is embedded and loaded once
// per process; a test fails when the weights are not what training on the
// set gives. The model fires a trigger the
// lexicon missed when its probability reaches the trigger's model
// threshold, unless the lexicon ruled the trigger out (a look-alike, a
// clause such as "yesterday" or "opening hours", or a negated cue). It
// only adds triggers: the lexicon's signals stand as they are.
//
// Neither part calls a service; Classify takes tens of microseconds, so
// it can look at every question.
//
// Route picks the team that takes a hand-off from keywords in the question
// and in the retrieved articles' ids and titles. Evaluate measures the
// classifier against a labelled set of messages.
//
// Version names the classifier (lexicon, training set, weights,
// thresholds and teams); the assistant records it with every decision.
//
// The package imports only the project's vocabulary packages (decision,
// lang).
package triage
