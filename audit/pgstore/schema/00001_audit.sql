-- +goose Up
CREATE TABLE audit_meta (
	k text PRIMARY KEY,
	v bytea NOT NULL
);

-- The single head row every writer locks: the last event, the last
-- checkpoint's own event and when the next checkpoint is due.
CREATE TABLE audit_head (
	id int PRIMARY KEY CHECK (id = 1),
	seq bigint NOT NULL,
	hash bytea NOT NULL,
	cp_event_seq bigint NOT NULL,
	due_at bigint NOT NULL
);

-- Events exactly as audit.db stores them (record), with the envelope's
-- routing fields beside them for the projections. batch names the
-- transaction that wrote them, to settle a commit whose answer was lost.
CREATE TABLE audit_events (
	seq bigint PRIMARY KEY,
	record bytea NOT NULL,
	type text NOT NULL,
	time timestamptz NOT NULL,
	batch bytea
);
CREATE INDEX audit_events_batch ON audit_events (batch);

CREATE TABLE audit_by_conversation (
	conversation text NOT NULL,
	seq bigint NOT NULL,
	PRIMARY KEY (conversation, seq)
);
CREATE TABLE audit_by_subject (
	subject text NOT NULL,
	seq bigint NOT NULL,
	PRIMARY KEY (subject, seq)
);
CREATE TABLE audit_by_message (
	message text PRIMARY KEY,
	seq bigint NOT NULL
);

CREATE TABLE audit_checkpoints (
	seq bigint PRIMARY KEY,
	event_seq bigint NOT NULL,
	body jsonb NOT NULL
);

-- Content keys, wrapped by a key-encryption key of the version named.
CREATE TABLE audit_content_keys (
	kid text PRIMARY KEY,
	owner text NOT NULL,
	assigned timestamptz NOT NULL,
	kek_version int NOT NULL,
	wrapped bytea NOT NULL
);
CREATE INDEX audit_content_keys_owner ON audit_content_keys (owner text_pattern_ops);
CREATE INDEX audit_content_keys_assigned ON audit_content_keys (assigned);
CREATE INDEX audit_content_keys_kek ON audit_content_keys (kek_version);

CREATE TABLE audit_shredded (
	kid text PRIMARY KEY,
	seq bigint NOT NULL
);

-- Versions of the key-encryption key: the keys themselves are never here.
CREATE TABLE audit_kek_versions (
	version int PRIMARY KEY,
	created timestamptz NOT NULL,
	retire_after timestamptz,
	destroyed timestamptz
);

CREATE TABLE audit_tokens (
	id text PRIMARY KEY,
	hash bytea NOT NULL UNIQUE,
	body jsonb NOT NULL
);

CREATE TABLE audit_receipts (
	target text PRIMARY KEY,
	body jsonb NOT NULL
);

CREATE TABLE audit_jobs (
	name text PRIMARY KEY,
	last_run timestamptz NOT NULL
);

-- +goose Down
DROP TABLE audit_jobs, audit_receipts, audit_tokens, audit_kek_versions, audit_shredded,
	audit_content_keys, audit_checkpoints, audit_by_message, audit_by_subject,
	audit_by_conversation, audit_events, audit_head, audit_meta;
