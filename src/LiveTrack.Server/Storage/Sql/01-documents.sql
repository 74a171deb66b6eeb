-- Fences, rules, pending webhook deliveries and dead letters: one JSON document per (kind, id); the higher version wins.
CREATE TABLE IF NOT EXISTS livetrack_documents
(
    kind varchar(40) NOT NULL,
    id varchar(200) NOT NULL,
    version bigint NOT NULL,
    body jsonb NOT NULL,
    PRIMARY KEY (kind, id)
);
