// Package policy decides from a customer's (already redacted) message
// whether a person must take over, and why: the customer asks for a person,
// is angry, complains or threatens legal action, is vulnerable (self-harm,
// bereavement, financial hardship, health), makes a data-subject request,
// or tries to inject instructions. Each trigger has a stable reason code,
// a sentence for reviewers and a sentence for the customer in English,
// Danish, Chinese (simplified and traditional) and Malay.
//
// The classifier is a lexicon of phrase patterns in the four languages,
// matched on word boundaries for spaced scripts and character by character
// for Chinese, with negation ("I don't need a human"), look-alikes
// ("human-readable invoice", "人工费") and intensity cues (ALL CAPS,
// repeated "!!!"). It calls no model and runs in microseconds, so it can
// look at every question.
//
// Route picks the team that takes a hand-off from keywords in the question
// and in the retrieved articles' ids and titles. Evaluate measures the
// classifier against a labelled set of messages.
//
// The package imports nothing from the rest of the project.
package policy
