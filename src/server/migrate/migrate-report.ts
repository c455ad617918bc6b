import type { MigrateReport } from "./migrate-studio";

/** Conflicts listed per table before "and N more": enough to find the pattern, not a flood. */
const SHOWN_CONFLICTS = 5;

const pad = (cells: readonly (string | number)[], widths: readonly number[]) =>
  cells.map((cell, index) => (index === 0 ? String(cell).padEnd(widths[index]!) : String(cell).padStart(widths[index]!))).join("  ");

/** The report as lines for a terminal: a row per table, the media, the conflicts, and the verdict. */
export function formatReport(report: MigrateReport, seconds: number): string[] {
  const lines: string[] = [];
  if (report.migratedFrom !== null) lines.push(`The SQLite database was migrated from schema version ${report.migratedFrom} first.`);
  const widths = [18, 8, 8, 8, 8];
  lines.push(pad(["table", "copied", "present", "source", "checksum"], widths));
  for (const table of report.tables) {
    lines.push(pad([table.table, table.copied, table.targetRows, table.sourceRows, table.verified ? "ok" : "DIFFERS"], widths));
  }
  if (report.media) {
    const { files, copied, present, replaced, mismatched } = report.media;
    lines.push("", `media: ${files} files, ${copied} copied, ${present} already there, ${replaced} replaced; sha256 ${mismatched.length ? `DIFFERS for ${mismatched.join(", ")}` : "ok for every file"}`);
  }
  for (const table of report.tables) {
    const { conflicts } = table;
    if (conflicts.length === 0) continue;
    lines.push("", `${table.table}: ${conflicts.length} rows already in Postgres hold something else (left as they are):`);
    for (const conflict of conflicts.slice(0, SHOWN_CONFLICTS)) {
      lines.push(`  key ${conflict.key}: ${conflict.columns.length ? `differs in ${conflict.columns.join(", ")}` : "another row holds one of its unique values"}`);
    }
    if (conflicts.length > SHOWN_CONFLICTS) lines.push(`  and ${conflicts.length - SHOWN_CONFLICTS} more`);
  }
  lines.push(
    "",
    report.ok
      ? `Verified in ${seconds.toFixed(1)} s: every table${report.media ? " and file" : ""} matches. Point the studio at the new setup (DATABASE_URL${report.media ? ", MEDIA_STORE" : ""}).`
      : `Not verified (${seconds.toFixed(1)} s): mend or remove the rows above in Postgres, then run the migration again.`,
  );
  return lines;
}
