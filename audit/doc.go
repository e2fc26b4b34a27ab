// Package audit is Hushdesk's system of record: an append-only, hash-chained
// log of every decision and every action on personal data, kept in a bbolt
// file (audit.db).
//
// Each event has a clear envelope (what was decided, by which model, from
// which sources; no personal data) and an encrypted content part (the
// redacted question and answer) sealed with AES-GCM under a key that belongs
// to the subject, or to the conversation when the customer is anonymous.
// Deleting that key (crypto-shredding) erases the content while the chain,
// which covers the ciphertext, still verifies.
//
// Appends go through one group-commit writer: concurrent callers share a
// transaction and its fsync, and Append returns only once the event is on
// disk.
package audit
