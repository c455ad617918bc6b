import { openSql } from "../db/open-sql";
import type { Sql } from "../db/sql";
import { createMediaDir } from "../media/media-dir";
import type { MediaStore } from "../media/media-store";
import { openMediaStore } from "../media/open-media-store";
import { copyDatabase, type TableReport } from "./copy-database";
import { copyMedia, type MediaReport } from "./copy-media";
import type { MigrateSettings } from "./migrate-args";
import { openSource } from "./open-source";
import { Refusal, reasonOf } from "./refusal";

export type MigrateReport = {
  /** The SQLite schema version the source was migrated from, or null when it was current. */
  migratedFrom: number | null;
  tables: TableReport[];
  media: MediaReport | null;
  /** Every table and file verified, no conflict: the studio can start on the new setup. */
  ok: boolean;
};

/** The URL without its password, for messages. */
const describe = (url: string) => {
  const { host, pathname } = new URL(url);
  return `${host}${pathname}`;
};

/** Moves a single-machine studio (SQLite and the data folder's media) onto Postgres and, if asked, a bucket. */
export async function migrateStudio(settings: MigrateSettings): Promise<MigrateReport> {
  const { db, migratedFrom } = openSource(settings.file);
  let target: Sql | null = null;
  try {
    target = await openTarget(settings);
    const media = settings.media ? await openMedia(settings.media, settings.dataDir) : null;
    const tables = await copyDatabase(db, target);
    const mediaReport = media ? await copyMedia(media.from, media.to) : null;
    const ok = tables.every((table) => table.verified && table.conflicts.length === 0) && (mediaReport?.mismatched.length ?? 0) === 0;
    return { migratedFrom, tables, media: mediaReport, ok };
  } finally {
    await target?.close();
    db.close();
  }
}

async function openTarget(settings: MigrateSettings): Promise<Sql> {
  try {
    return await openSql({ url: settings.url, schema: settings.schema, file: settings.file });
  } catch (error) {
    throw new Refusal(`Can't open the PostgreSQL database at ${describe(settings.url)} (schema ${settings.schema}): ${reasonOf(error)}`);
  }
}

async function openMedia(env: NonNullable<MigrateSettings["media"]>, dataDir: string): Promise<{ from: MediaStore; to: MediaStore }> {
  const to = await openMediaStore(env, dataDir);
  try {
    await to.probe();
  } catch (error) {
    throw new Refusal(`${reasonOf(error)}: check --media-to, S3_ENDPOINT and the AWS_* keys.`);
  }
  return { from: createMediaDir(dataDir), to };
}
