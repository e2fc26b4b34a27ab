-- +goose Up
-- Live messages between replicas (an agent's reply to a customer
-- connected to another replica): sealed, and kept only minutes, so that
-- a replica whose listening connection dropped can catch up.
CREATE TABLE relay_messages (
	id bigserial PRIMARY KEY,
	topic text NOT NULL,
	sealed bytea NOT NULL,
	created timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX relay_messages_created ON relay_messages (created);

-- +goose Down
DROP TABLE relay_messages;
