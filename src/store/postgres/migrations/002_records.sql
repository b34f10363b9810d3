-- Small durable records that are neither interviews nor counters (RecordStore, record-store.ts):
-- e.g. Slack installations, one per workspace, each holding that workspace's bot token.
CREATE TABLE records (
  key         text PRIMARY KEY,
  value       jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
