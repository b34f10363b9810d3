-- Interviews as a small header plus append-only turns; the header row carries what the
-- store filters on (candidate, status, expiry), the rest of the header is JSON.
CREATE TABLE interviews (
  id            text PRIMARY KEY,
  candidate_id  text NOT NULL,
  version       integer NOT NULL,
  turn_count    integer NOT NULL,
  status        text NOT NULL,
  scenario_id   text NOT NULL,
  created_at    bigint NOT NULL,
  expires_at    bigint,
  header        jsonb NOT NULL
);
CREATE INDEX interviews_by_candidate ON interviews (candidate_id, created_at DESC);
CREATE INDEX interviews_by_expiry ON interviews (expires_at) WHERE expires_at IS NOT NULL;

CREATE TABLE interview_turns (
  interview_id  text NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
  seq           integer NOT NULL,
  turn          jsonb NOT NULL,
  PRIMARY KEY (interview_id, seq)
);

-- One row per stage: a turn rewrites only the stages it changed (usually the current one).
CREATE TABLE interview_stages (
  interview_id  text NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
  idx           integer NOT NULL,
  progress      jsonb NOT NULL,
  PRIMARY KEY (interview_id, idx)
);

-- The session a place (Discord/Slack thread, terminal) holds. No foreign key: a place may be
-- bound just before its session's first write; deleting an interview deletes its places.
CREATE TABLE places (
  place         text PRIMARY KEY,
  interview_id  text NOT NULL
);
CREATE INDEX places_by_interview ON places (interview_id);

-- claimOnce markers and window counters, for deployments without Redis.
CREATE TABLE claims (
  key         text PRIMARY KEY,
  expires_at  bigint NOT NULL
);

CREATE TABLE counters (
  key      text PRIMARY KEY,
  total    bigint NOT NULL,
  ends_at  bigint NOT NULL
);
