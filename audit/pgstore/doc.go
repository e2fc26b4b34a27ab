// Package pgstore keeps the decision log in PostgreSQL, so that several
// Hushdesk replicas share one log: one hash chain with many writers.
//
// The records are exactly those of package audit (the same bytes, the
// same keyed chain, the same checkpoints), so audit.VerifySource and
// `hushdesk audit verify` check a log kept here as they check audit.db,
// and `hushdesk audit migrate` copies an embedded log in verbatim.
//
// Each replica batches its appends as the embedded store does (group
// commit) and writes each batch in one transaction that locks the single
// row of audit_head, reads the head, chains and inserts the events and
// their projections, and commits with synchronous_commit on. Replicas
// therefore take turns at the head, a batch at a time; within a replica
// callers share a transaction. A commit whose outcome the connection did
// not report (the connection was cut) is looked up by the batch's id
// once the server process that ran it is gone, so that every caller
// learns whether its event was written.
//
// Content keys are wrapped by versioned key-encryption keys (KEKs) kept
// outside the database; shredding deletes the row and records the key id
// in audit_shredded in the transaction of the erasure, and every append
// checks at commit that its key is not shredded. Replicas drop cached
// keys when told over LISTEN/NOTIFY. A deleted row survives in the heap,
// the WAL, standbys and backups for a while; rotating the KEK (re-wrap
// the remaining keys, then destroy the old version) completes the
// shredding: see README "Erasure on PostgreSQL".
package pgstore
