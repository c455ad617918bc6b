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
];
