/** Ordered schema changes; each runs once, in a transaction, tracked by `PRAGMA user_version`. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE uploads (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    content_type TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    original_name TEXT,
    file_name TEXT NOT NULL,
    upstream_file_name TEXT NOT NULL,
    upstream_content_type TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );

  CREATE TABLE generations (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    model TEXT NOT NULL,
    prompt TEXT NOT NULL,
    ratio TEXT NOT NULL,
    duration INTEGER NOT NULL,
    seed INTEGER NOT NULL,
    image_url TEXT,
    image_upload_id TEXT REFERENCES uploads(id),
    last_image_url TEXT,
    last_image_upload_id TEXT REFERENCES uploads(id),
    status TEXT NOT NULL,
    provider TEXT NOT NULL,
    -- 'pending' until the upstream answered the create; 'accepted' after.
    submit_state TEXT NOT NULL DEFAULT 'pending',
    upstream_id TEXT,
    upstream_status TEXT,
    result_url TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    completed_at INTEGER,
    deadline_at INTEGER NOT NULL,
    poll_count INTEGER NOT NULL DEFAULT 0,
    video_file TEXT,
    video_bytes INTEGER,
    error_code TEXT,
    error_message TEXT,
    error_detail TEXT,
    tokens_used REAL,
    -- A browser's key for one submit: a retried or doubled POST returns the first take.
    idempotency_key TEXT UNIQUE
  );

  CREATE INDEX generations_unfinished ON generations(status) WHERE status IN ('queued', 'generating');
  `,
  // 1: favourites, provenance, timings, checked video facts and posters, list filters.
  `
  ALTER TABLE generations ADD COLUMN favourite INTEGER NOT NULL DEFAULT 0;
  -- The take this one was re-run or varied from. No foreign key: deleting a source keeps its
  -- descendants, whose provenance still names it.
  ALTER TABLE generations ADD COLUMN source_id TEXT;
  ALTER TABLE generations ADD COLUMN submitted_at INTEGER;
  ALTER TABLE generations ADD COLUMN started_at INTEGER;
  ALTER TABLE generations ADD COLUMN finished_at INTEGER;
  ALTER TABLE generations ADD COLUMN video_width INTEGER;
  ALTER TABLE generations ADD COLUMN video_height INTEGER;
  ALTER TABLE generations ADD COLUMN video_duration REAL;
  ALTER TABLE generations ADD COLUMN poster_file TEXT;
  -- The prompt case-folded by JavaScript (SQLite's LIKE folds ASCII only), for search.
  ALTER TABLE generations ADD COLUMN prompt_folded TEXT NOT NULL DEFAULT '';
  UPDATE generations SET prompt_folded = dailies_fold(prompt);

  DROP INDEX generations_unfinished;
  CREATE INDEX generations_unfinished ON generations(status) WHERE status IN ('queued', 'generating', 'finishing');
  -- (filter, seq): an equality filter then walks seq in order, so a page never sorts.
  CREATE INDEX generations_status_seq ON generations(status, seq);
  CREATE INDEX generations_model_seq ON generations(model, seq);
  CREATE INDEX generations_ratio_seq ON generations(ratio, seq);
  CREATE INDEX generations_duration_seq ON generations(duration, seq);
  CREATE INDEX generations_favourite_seq ON generations(favourite, seq);
  `,
  // 2: who made what (attribution, "Mine", delete rights) and the counts behind spend limits.
  `
  ALTER TABLE generations ADD COLUMN author TEXT NOT NULL DEFAULT 'studio';
  ALTER TABLE uploads ADD COLUMN author TEXT;
  CREATE INDEX generations_author_seq ON generations(author, seq);
  CREATE INDEX generations_created ON generations(created_at);
  `,
  // 3: an Idempotency-Key answers only the same person's same request (author, route, body).
  `
  ALTER TABLE generations ADD COLUMN idempotency_fingerprint TEXT;
  `,
  // 4: server-side sign-in sessions, so signing out, a new studio password or an admin ends them.
  `
  CREATE TABLE sessions (
    -- SHA-256 of the id the cookie carries: a copy of the database opens no session.
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX sessions_expires ON sessions(expires_at);
  -- Small facts the studio keeps about itself (the password fingerprint sessions belong to).
  CREATE TABLE studio_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  // 5: originals kept without location or serials (older files are cleaned on first use and
  // by a start-up sweep), and the library image each take's last frame became.
  `
  ALTER TABLE uploads ADD COLUMN metadata_clean INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE last_frames (
    generation_id TEXT PRIMARY KEY,
    upload_id TEXT NOT NULL REFERENCES uploads(id) ON DELETE CASCADE
  );
  `,
  // 6: the dailies: projects of ordered shots, a take's shot, review state and batch, notes
  // on the frame, how a take came from its source, and tombstones so a family has no holes.
  `
  CREATE TABLE projects (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL
  );
  CREATE INDEX projects_created ON projects(created_at);
  CREATE TABLE shots (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    description TEXT,
    -- "order" on the wire: 1, 2, 3… within the project, kept dense by the store.
    position INTEGER NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX shots_code ON shots(project_id, code COLLATE NOCASE);
  CREATE INDEX shots_position ON shots(project_id, position);

  -- project_id follows shot_id (a shot never changes project); kept on the take for the filter.
  ALTER TABLE generations ADD COLUMN shot_id TEXT REFERENCES shots(id);
  ALTER TABLE generations ADD COLUMN project_id TEXT REFERENCES projects(id);
  ALTER TABLE generations ADD COLUMN review_state TEXT NOT NULL DEFAULT 'unreviewed';
  ALTER TABLE generations ADD COLUMN review_by TEXT;
  ALTER TABLE generations ADD COLUMN review_at INTEGER;
  -- Strictly increasing with each review (two can share a millisecond): the shot's select is the latest circled.
  ALTER TABLE generations ADD COLUMN review_seq INTEGER;
  ALTER TABLE generations ADD COLUMN note_count INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE generations ADD COLUMN batch_id TEXT;
  ALTER TABLE generations ADD COLUMN source_kind TEXT;
  -- Batches before this were told apart only by the repeat keys of keyed submits, one per take:
  -- 'batch:<key>:<n>' (see idempotent-replay.ts; a key holds no ':'). Such a batch is named after
  -- its take n = 0, as new batches are after their first take; any other take is a batch of its own.
  UPDATE generations SET batch_id = id;
  UPDATE generations SET batch_id = COALESCE(
      (SELECT head.id FROM generations head
        WHERE head.idempotency_key = substr(generations.idempotency_key, 1, 6 + instr(substr(generations.idempotency_key, 7), ':')) || '0'),
      id)
    WHERE substr(idempotency_key, 1, 6) = 'batch:' AND instr(substr(idempotency_key, 7), ':') > 0;
  -- Re-runs recorded only their source: the same seed was "Re-run exactly", another a variation.
  UPDATE generations SET source_kind = CASE
      WHEN seed = (SELECT s.seed FROM generations s WHERE s.id = generations.source_id) THEN 'rerun' ELSE 'variation' END
    WHERE source_id IN (SELECT id FROM generations);
  CREATE INDEX generations_project_id_seq ON generations(project_id, seq);
  CREATE INDEX generations_shot_id_seq ON generations(shot_id, seq);
  CREATE INDEX generations_review_state_seq ON generations(review_state, seq);
  CREATE INDEX generations_review_seq ON generations(review_seq);
  CREATE INDEX generations_source ON generations(source_id) WHERE source_id IS NOT NULL;

  CREATE TABLE notes (
    id TEXT PRIMARY KEY,
    take_id TEXT NOT NULL REFERENCES generations(id) ON DELETE CASCADE,
    at_seconds REAL NOT NULL,
    x REAL,
    y REAL,
    text TEXT NOT NULL,
    author TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX notes_take ON notes(take_id, at_seconds);

  -- What stays of a deleted take, so the family it belonged to keeps its links.
  CREATE TABLE deleted_takes (
    id TEXT PRIMARY KEY,
    source_id TEXT,
    source_kind TEXT,
    prompt TEXT NOT NULL,
    author TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    deleted_at INTEGER NOT NULL,
    deleted_by TEXT NOT NULL
  );
  CREATE INDEX deleted_takes_source ON deleted_takes(source_id) WHERE source_id IS NOT NULL;
  -- A take made from an image that was another take's last frame continues that take.
  CREATE INDEX last_frames_upload ON last_frames(upload_id);
  `,
  // 7: reels, one MP4 of a project's chosen takes with its edit decision list; they go with their project.
  `
  CREATE TABLE reels (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    canvas TEXT NOT NULL,
    status TEXT NOT NULL,
    progress REAL NOT NULL DEFAULT 0,
    -- The shots, takes and frame positions fixed when the reel was asked for (JSON).
    events TEXT NOT NULL,
    bytes INTEGER,
    error_code TEXT,
    error_message TEXT,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    started_at INTEGER,
    completed_at INTEGER
  );
  CREATE INDEX reels_project ON reels(project_id, created_at);
  CREATE INDEX reels_unfinished ON reels(status) WHERE status IN ('queued', 'rendering');
  `,
  // 8: the list filters on a batch (review mode goes through the takes of one submit).
  `
  CREATE INDEX generations_batch_id_seq ON generations(batch_id, seq);
  `,
  // 9: the last poll that found a take still running (set to submitted_at when it is accepted), so
  // the poll plan learns when takes finished as a bracket, without the detection lag (poll-plan.ts).
  `
  ALTER TABLE generations ADD COLUMN pending_seen_at INTEGER;
  `,
  // 10: what the provider said a take cost (its cost headers and usage log), the id it traces the
  // request by, and why a take whose create ended ambiguously is being checked in the usage log.
  `
  ALTER TABLE generations ADD COLUMN inference_id TEXT;
  ALTER TABLE generations ADD COLUMN cost_credits INTEGER;
  ALTER TABLE generations ADD COLUMN cost_usd REAL;
  ALTER TABLE generations ADD COLUMN check_reason TEXT;
  `,
  // 11: the spend ledger outlives deletion. A deleted take leaves what it spent (who, which model
  // and length, what it cost, when), so usage, the daily limits and budgets still count it;
  // "spend" is every take made, kept or deleted.
  `
  CREATE TABLE deleted_spend (
    id TEXT PRIMARY KEY,
    author TEXT NOT NULL,
    model TEXT NOT NULL,
    duration INTEGER NOT NULL,
    status TEXT NOT NULL,
    tokens_used INTEGER,
    cost_credits INTEGER,
    cost_usd REAL,
    created_at INTEGER NOT NULL,
    deleted_at INTEGER NOT NULL
  );
  CREATE INDEX deleted_spend_created ON deleted_spend(created_at);
  CREATE VIEW spend AS
    SELECT id, author, model, duration, status, tokens_used, cost_credits, cost_usd, created_at FROM generations
    UNION ALL
    SELECT id, author, model, duration, status, tokens_used, cost_credits, cost_usd, created_at FROM deleted_spend;
  `,
  // 12: a completed take whose charge the provider never reported keeps the catalogue's price as
  // its cost, marked as an estimate; a deleted take's ledger line keeps why it failed (insights).
  `
  ALTER TABLE generations ADD COLUMN cost_estimated INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE deleted_spend ADD COLUMN error_code TEXT;
  `,
  // 13: what the provider says it charged per UTC day (GET /v2/usage) beside the ledger's own sum,
  // and the models its catalogue listed, so a model that appears or goes away is noticed.
  `
  CREATE TABLE reconciliations (
    day TEXT PRIMARY KEY,
    ledger_usd REAL NOT NULL,
    ledger_takes INTEGER NOT NULL,
    provider_usd REAL,
    provider_requests INTEGER,
    error TEXT,
    checked_at INTEGER NOT NULL
  );
  CREATE TABLE catalogue_models (
    id TEXT PRIMARY KEY,
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    gone_at INTEGER,
    in_first_read INTEGER NOT NULL
  );
  `,
  // 14: the insights read a month of takes from an index alone, one range per model, author or
  // week, each in created_at order and holding what the figures count (insight-queries.ts).
  `
  CREATE INDEX generations_insights_model ON generations(model, created_at, status, cost_usd, review_state, favourite, submitted_at, finished_at);
  CREATE INDEX generations_insights_author ON generations(author, created_at, status, cost_usd, review_state, favourite, submitted_at, finished_at);
  CREATE INDEX generations_insights_created ON generations(created_at, status, cost_usd, review_state, favourite, submitted_at, finished_at);
  `,
  // 15: the insights keep a rollup of whole UTC days (insight-queries.ts) and reread a day only
  // when its version here moves: these triggers bump the day of any take that changes in a way the
  // figures count, is deleted, or enters the ledger. The rollup reads a day by created_at, so
  // 14's covering indexes, each written on every status change, go.
  `
  DROP INDEX generations_insights_model;
  DROP INDEX generations_insights_author;
  DROP INDEX generations_insights_created;
  CREATE TABLE insight_days (day INTEGER PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TRIGGER insight_days_insert AFTER INSERT ON generations BEGIN
    INSERT INTO insight_days (day, version) VALUES (NEW.created_at / 86400000, 1) ON CONFLICT(day) DO UPDATE SET version = version + 1;
  END;
  CREATE TRIGGER insight_days_update AFTER UPDATE OF model, author, prompt, status, error_code, cost_usd, review_state, favourite, submitted_at, finished_at, created_at ON generations BEGIN
    INSERT INTO insight_days (day, version) VALUES (NEW.created_at / 86400000, 1) ON CONFLICT(day) DO UPDATE SET version = version + 1;
    INSERT INTO insight_days (day, version) SELECT OLD.created_at / 86400000, 1 WHERE OLD.created_at / 86400000 <> NEW.created_at / 86400000
      ON CONFLICT(day) DO UPDATE SET version = version + 1;
  END;
  CREATE TRIGGER insight_days_delete AFTER DELETE ON generations BEGIN
    INSERT INTO insight_days (day, version) VALUES (OLD.created_at / 86400000, 1) ON CONFLICT(day) DO UPDATE SET version = version + 1;
  END;
  CREATE TRIGGER insight_days_ledger_insert AFTER INSERT ON deleted_spend BEGIN
    INSERT INTO insight_days (day, version) VALUES (NEW.created_at / 86400000, 1) ON CONFLICT(day) DO UPDATE SET version = version + 1;
  END;
  CREATE TRIGGER insight_days_ledger_delete AFTER DELETE ON deleted_spend BEGIN
    INSERT INTO insight_days (day, version) VALUES (OLD.created_at / 86400000, 1) ON CONFLICT(day) DO UPDATE SET version = version + 1;
  END;
  `,
  // 16: several replicas on one database (PostgreSQL): an unfinished take or reel is worked on by
  // the replica holding its lease, which renews it while alive; another takes it over once it
  // lapses. Sign-in attempts per client are counted here, so every replica sees the same count.
  `
  ALTER TABLE generations ADD COLUMN lease_owner TEXT;
  ALTER TABLE generations ADD COLUMN lease_until INTEGER;
  ALTER TABLE reels ADD COLUMN lease_owner TEXT;
  ALTER TABLE reels ADD COLUMN lease_until INTEGER;
  CREATE TABLE sign_in_clients (
    client TEXT PRIMARY KEY,
    attempts INTEGER NOT NULL,
    last_at INTEGER NOT NULL
  );
  CREATE INDEX sign_in_clients_last ON sign_in_clients(last_at);
  `,
];
