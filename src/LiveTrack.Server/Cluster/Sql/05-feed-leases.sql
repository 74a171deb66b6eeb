-- Feeds that run once in a cluster (an SBS client, a poller): the silo holding a feed's unexpired lease runs it.
CREATE TABLE IF NOT EXISTS livetrack_feed_leases
(
    cluster_id varchar(150) NOT NULL,
    feed_name varchar(200) NOT NULL,
    owner_node varchar(150) NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (cluster_id, feed_name)
);
