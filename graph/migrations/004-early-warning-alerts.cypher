// The early-warning outbox (apps/graph/src/early-warning): one node per alert, merged on its
// deterministic alertId; the relay claims unpublished alerts in (createdAt, seq) order and purges
// published ones by publishedAt.
CREATE CONSTRAINT early_warning_alert_id IF NOT EXISTS FOR (n:EarlyWarningAlert) REQUIRE n.alertId IS UNIQUE;
CREATE INDEX early_warning_alert_published_at IF NOT EXISTS FOR (n:EarlyWarningAlert) ON (n.publishedAt);
CREATE INDEX early_warning_alert_created_at IF NOT EXISTS FOR (n:EarlyWarningAlert) ON (n.createdAt);
