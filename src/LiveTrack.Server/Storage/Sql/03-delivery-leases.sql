-- Webhook deliveries in flight in a cluster: the node holding a delivery's unexpired lease is the one attempting it.
CREATE TABLE IF NOT EXISTS livetrack_delivery_leases
(
    id text PRIMARY KEY,
    owner text NOT NULL,
    until timestamptz NOT NULL
);
