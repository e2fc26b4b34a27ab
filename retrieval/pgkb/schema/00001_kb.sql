-- +goose Up
-- The knowledge base shared by replicas: documents as ingested (after
-- scrubbing), their passages and the passages' vectors, the vocabulary
-- files in use, and the feed of changes every replica's index follows.
CREATE TABLE kb_meta (
	k text PRIMARY KEY,
	v text NOT NULL
);
INSERT INTO kb_meta (k, v) VALUES ('id', gen_random_uuid()::text);

-- The last change's sequence number. A change locks this row until it
-- commits, so changes commit in the order of their numbers and a reader
-- never sees a number before the ones below it.
CREATE TABLE kb_head (
	id int PRIMARY KEY CHECK (id = 1),
	seq bigint NOT NULL
);
INSERT INTO kb_head (id, seq) VALUES (1, 0);

CREATE TABLE kb_changes (
	seq bigint PRIMARY KEY,
	at timestamptz NOT NULL DEFAULT now(),
	docs text[] NOT NULL DEFAULT '{}',
	vocabulary boolean NOT NULL DEFAULT false,
	reindex boolean NOT NULL DEFAULT false
);
CREATE INDEX kb_changes_at ON kb_changes (at);

CREATE TABLE kb_documents (
	id text PRIMARY KEY,
	title text NOT NULL,
	lang text NOT NULL,
	version text NOT NULL,
	url text NOT NULL DEFAULT '',
	lead text NOT NULL DEFAULT '',
	chunks int NOT NULL,
	ingested timestamptz NOT NULL,
	redactions jsonb,
	kept jsonb,
	seq bigint NOT NULL
);

CREATE TABLE kb_passages (
	doc_id text NOT NULL REFERENCES kb_documents (id) ON DELETE CASCADE,
	n int NOT NULL,
	heading text NOT NULL,
	body text NOT NULL,
	PRIMARY KEY (doc_id, n)
);

CREATE TABLE kb_vectors (
	doc_id text NOT NULL,
	n int NOT NULL,
	model text NOT NULL,
	version text NOT NULL,
	vec bytea NOT NULL,
	PRIMARY KEY (doc_id, n, model),
	FOREIGN KEY (doc_id, n) REFERENCES kb_passages (doc_id, n) ON DELETE CASCADE
);

CREATE TABLE kb_vocabulary (
	name text PRIMARY KEY,
	content bytea NOT NULL
);

-- +goose Down
DROP TABLE kb_vocabulary;
DROP TABLE kb_vectors;
DROP TABLE kb_passages;
DROP TABLE kb_documents;
DROP TABLE kb_changes;
DROP TABLE kb_head;
DROP TABLE kb_meta;
