// Package inference decides what the assistant does with a customer's
// question and produces the answer.
//
// An Assistant takes a question through the whole flow: it redacts personal
// data, finds passages in the knowledge base, decides to answer, abstain or
// hand off to a person, generates the answer with a local model through
// Ollama (or, when no model is reachable, extractively from the best
// passages), records the decision in the audit log, and only then returns.
//
// The package declares the small interfaces it needs (Retriever, Recorder,
// Generator, Redactor); cmd/hushdesk connects the concrete types.
package inference
