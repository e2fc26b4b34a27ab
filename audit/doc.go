// Package audit is Hushdesk's system of record: an append-only, hash-chained
// log of every decision and every action on personal data, kept in a bbolt
// file (audit.db).
//
// Each event has a clear envelope (what was decided, by which model, from
// which sources; no personal data) and an encrypted content part (the
// redacted question and answer) sealed with AES-GCM under a key that belongs
// to the subject within one conversation, to the subject, or to the
// conversation when the customer is anonymous. Keys rotate (KeyRotation),
// so that retention can shred old content and keep recent content.
// Deleting a key (crypto-shredding) erases the content while the chain,
// which covers the ciphertext, still verifies.
//
// Appends go through one group-commit writer: concurrent callers share a
// transaction and its fsync, and Append returns only once the event is on
// disk. Each event's hash is an HMAC under a key derived from the master
// key, over the previous hash, the envelope and the ciphertext, so that
// nobody without the master key can change, remove or re-chain events
// unseen (logs of earlier versions keep their unkeyed prefix, which the
// first keyed event covers). The writer also signs checkpoints (Ed25519
// over sequence number, head hash and time) every CheckpointEvery events
// or CheckpointInterval, as events of the chain that Verify checks, and
// hands each to Options.Anchor to be kept off the machine; verifying
// against the last one kept there (VerifyWith) catches a log cut short or
// rolled back. docs/threat-model.md says what this does and does not
// protect against.
//
// # Where keys live
//
// Content keys are kept in their own small bbolt file, keys.db, wrapped
// (AES-GCM) by the master key. They are made ahead of need, a batch at a
// time with one fsync, so a key is on disk before anything is sealed with
// it; the first event sealed with a key records, in its own transaction,
// which owner the key belongs to (bucket key_owners in audit.db). Appends
// therefore wait for one transaction only.
//
// bbolt does not overwrite a deleted value: the page that held it goes to
// the free list and keeps its bytes until it is reused. So a key is never
// deleted in place. Shredding records the keys as shredded, and drops their
// owners, in the same transaction as the erasure or retention event; then
// writes a fresh keys.db without them, syncs it, renames it over the old
// file, syncs the directory and overwrites the old file's blocks with
// zeros. From the mark on no reader gets the key; if the rewrite fails,
// the store retries it in the background, and if the process dies in
// between, Open finishes it. The signing key is wrapped by the master key too and kept
// in audit.db; it is never shredded.
//
// # Actions on the store
//
// Erasures, retention runs, data-subject requests, legal holds, checkpoints,
// exports and access tokens are all events, written in the same transaction
// as the state they change, and none of them puts more than pseudonyms in
// the envelope.
package audit
