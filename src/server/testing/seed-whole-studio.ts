import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "../db/database";
import { seedTakes } from "./seed-takes";

/**
 * A single-machine studio with rows in every table and files of every media kind: `takes` takes
 * (seedTakes), two uploads, a project of two shots with takes in them, notes, a reel, a deleted
 * take with its tombstone and ledger line, a session and the studio's own facts. The values
 * reach for what a copy can get wrong: reals that aren't short in binary, quotes, accents, nulls.
 * One more take is made and deleted, so SQLite's AUTOINCREMENT is past the highest `seq` left.
 */
export async function seedWholeStudio(dataDir: string, takes: number): Promise<{ ids: string[]; media: string[] }> {
  const ids = await seedTakes(
    dataDir,
    Array.from({ length: takes + 1 }, (_, n) => ({ status: n % 7 === 0 ? ("failed" as const) : ("completed" as const), favourite: n % 5 === 0, prompt: `take ${n}: a "quoted" crane shot, l'été` })),
    "sqlite",
  );
  const db = openDatabase(join(dataDir, "dailies.sqlite"));
  const at = Date.UTC(2026, 10, 30);
  db.exec(`
    INSERT INTO uploads (id, sha256, content_type, width, height, bytes, original_name, file_name, upstream_file_name, upstream_content_type, created_at, author, metadata_clean)
      VALUES ('up-a', 'aa', 'image/jpeg', 1280, 720, 3, 'frame «1».jpg', 'up-a.jpg', 'up-a.upstream.jpg', 'image/jpeg', ${at}, 'ana', 1),
             ('up-b', 'bb', 'image/png', 640, 360, 3, NULL, 'up-b.png', 'up-b.upstream.png', 'image/png', ${at + 1}, NULL, 0);
    INSERT INTO projects (id, name, description, created_at, created_by) VALUES ('pr-1', 'Launch film', 'Naïve “quotes” and ''apostrophes''', ${at}, 'ana');
    INSERT INTO shots (id, project_id, code, description, position, created_at) VALUES ('sh-1', 'pr-1', 'SH010', NULL, 1, ${at}), ('sh-2', 'pr-1', 'SH020', 'dolly', 2, ${at});
    INSERT INTO reels (id, project_id, canvas, status, progress, events, bytes, error_code, error_message, created_at, created_by, started_at, completed_at)
      VALUES ('rl-1', 'pr-1', '1280x720', 'completed', 1, '[{"shot":"sh-1"}]', 3, NULL, NULL, ${at}, 'ana', ${at + 5}, ${at + 9});
    INSERT INTO deleted_takes (id, source_id, source_kind, prompt, author, created_at, deleted_at, deleted_by) VALUES ('gone-1', '${ids[0]}', 'variation', 'gone', 'ana', ${at}, ${at + 1}, 'ana');
    INSERT INTO deleted_spend (id, author, model, duration, status, tokens_used, cost_credits, cost_usd, created_at, deleted_at, error_code)
      VALUES ('gone-1', 'ana', 'gen4_turbo', 5, 'completed', 12.5, 250000, 0.1 + 0.2, ${at}, ${at + 1}, NULL);
    INSERT INTO sessions (id, name, created_at, last_seen_at, expires_at) VALUES ('5e55', 'ana', ${at}, ${at}, ${at + 86_400_000});
    INSERT INTO studio_state (key, value) VALUES ('password_fingerprint', 'f00d');
    INSERT INTO reconciliations (day, ledger_usd, ledger_takes, provider_usd, provider_requests, error, checked_at) VALUES ('2026-11-30', 12.345678901234567, 40, NULL, NULL, 'no answer', ${at});
    INSERT INTO sign_in_clients (client, attempts, last_at) VALUES ('203.0.113.7', 3, ${at});
    INSERT INTO catalogue_models (id, first_seen, last_seen, gone_at, in_first_read) VALUES ('gen4_turbo', ${at}, ${at}, NULL, 1), ('gen3a_turbo', ${at}, ${at}, ${at}, 0);
  `);
  db.prepare("UPDATE generations SET shot_id = 'sh-1', project_id = 'pr-1', image_upload_id = 'up-a', review_state = 'circled' WHERE id IN (?, ?, ?)").run(ids[1], ids[2], ids[3]);
  db.prepare("INSERT INTO last_frames (generation_id, upload_id) VALUES (?, 'up-b')").run(ids[1]);
  const note = db.prepare("INSERT INTO notes (id, take_id, at_seconds, x, y, text, author, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'ana', ?, ?)");
  note.run("no-1", ids[1], 1.25, 0.1 + 0.2, null, "soft focus", at, at);
  note.run("no-2", ids[1], 2 / 3, 0.5, 0.75, "🎬 cut here", at, at + 1);
  db.prepare("DELETE FROM generations WHERE id = ?").run(ids[ids.length - 1]);
  db.close();

  const media = ["uploads/up-a.jpg", "uploads/up-a.thumb.webp", `videos/${ids[1]}.mp4`, `posters/${ids[1]}.jpg`, "reels/rl-1.mp4"];
  for (const [n, path] of media.entries()) {
    mkdirSync(join(dataDir, "media", path, ".."), { recursive: true });
    writeFileSync(join(dataDir, "media", path), Buffer.alloc(1_000 + n * 4_000, n + 1));
  }
  return { ids: ids.slice(0, -1), media };
}
