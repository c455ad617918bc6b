import Database from "better-sqlite3";
import { openDatabase, type Db } from "../db/database";
import { MIGRATIONS } from "../db/migrations";
import { Refusal, reasonOf } from "./refusal";

/** The source studio's SQLite, migrated to this build's schema first; says from which version, if it moved. */
export function openSource(file: string): { db: Db; migratedFrom: number | null } {
  let version: number;
  try {
    const peek = new Database(file, { readonly: true, fileMustExist: true });
    try {
      version = peek.pragma("user_version", { simple: true }) as number;
    } finally {
      peek.close();
    }
  } catch (error) {
    throw new Refusal(`Can't read ${file} as a SQLite database: ${reasonOf(error)}`);
  }
  if (version > MIGRATIONS.length) {
    throw new Refusal(`${file} is at schema version ${version}, newer than this build knows (${MIGRATIONS.length}): migrate with the build that wrote it.`);
  }
  return { db: openDatabase(file), migratedFrom: version < MIGRATIONS.length ? version : null };
}
