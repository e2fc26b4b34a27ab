-- +goose Up
-- The records made from the log (agent queue, legal holds, data-subject
-- requests, canned responses, console settings): the buckets of
-- audit.Records, each row changed in the transaction of its event.
CREATE TABLE audit_records (
	bucket text NOT NULL,
	k text NOT NULL,
	v bytea NOT NULL,
	PRIMARY KEY (bucket, k)
);

-- Console sessions, shared by every replica: keyed by a hash of the
-- session id (which only the browser holds), the rest sealed under a key
-- derived from it.
CREATE TABLE console_sessions (
	key bytea PRIMARY KEY,
	token_id text NOT NULL,
	expires timestamptz NOT NULL,
	last_seen timestamptz NOT NULL,
	sealed bytea NOT NULL
);
CREATE INDEX console_sessions_token ON console_sessions (token_id);
CREATE INDEX console_sessions_expires ON console_sessions (expires);

-- Webhook notifications waiting to be delivered: drained with
-- FOR UPDATE SKIP LOCKED, deleted once delivered or given up.
CREATE TABLE webhook_outbox (
	id bigserial PRIMARY KEY,
	body bytea NOT NULL,
	event text NOT NULL,
	attempts int NOT NULL DEFAULT 0,
	next_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_outbox_next ON webhook_outbox (next_at);

-- The manifests of exports, for download from any replica.
CREATE TABLE export_manifests (
	seq bigint PRIMARY KEY,
	body jsonb NOT NULL,
	created timestamptz NOT NULL DEFAULT now()
);

-- Where e-mailed replies stand (queued, retrying, sent, failed), by the
-- reply's message id, for agents on every replica: no address, no text.
CREATE TABLE mail_status (
	message text PRIMARY KEY,
	body jsonb NOT NULL,
	updated timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE mail_status, export_manifests, webhook_outbox, console_sessions, audit_records;
