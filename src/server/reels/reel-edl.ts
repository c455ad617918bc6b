import { REEL_FPS, timecode } from "../../shared/reel";
import { iso } from "../iso-time";
import type { NoteRecord } from "../notes/note";
import type { ProjectRecord } from "../projects/project";
import type { ReelEvent, ReelRecord } from "./reel";

const seconds = (frames: number) => frames / REEL_FPS;

/** The reel's length in frames: every slate and take end to end. */
export const reelFrames = (events: readonly ReelEvent[]) => {
  const last = events.at(-1);
  return last ? last.takeFrame + last.takeFrames : 0;
};

/** A note as the list gives it: where it falls in the take and on the reel. */
const edlNote = (event: ReelEvent, note: NoteRecord) => ({
  atSeconds: note.atSeconds,
  sourceTimecode: timecode(note.atSeconds),
  recordTimecode: timecode(seconds(event.takeFrame) + note.atSeconds),
  text: note.text,
  author: note.author,
});

/**
 * `reel.json`: one event per shot, with timecodes (SMPTE, non-drop, 24 fps) on the reel
 * ("record") and in the take's file ("source"); outs are exclusive, as in CMX edit lists.
 */
export function reelEdl(reel: ReelRecord, project: Pick<ProjectRecord, "id" | "name">, notes: ReadonlyMap<string, readonly NoteRecord[]>) {
  return {
    reelId: reel.id,
    project: { id: project.id, name: project.name },
    canvas: reel.canvas,
    fps: REEL_FPS,
    durationSeconds: seconds(reelFrames(reel.events)),
    createdAt: iso(reel.createdAt),
    createdBy: reel.createdBy,
    events: reel.events.map((event, index) => ({
      index: index + 1,
      shotId: event.shotId,
      shot: event.code,
      takeId: event.takeId,
      sourceFile: event.sourceFile,
      model: event.model,
      seed: event.seed,
      author: event.author,
      slate: { recordIn: timecode(seconds(event.slateFrame)), recordOut: timecode(seconds(event.takeFrame)) },
      recordIn: timecode(seconds(event.takeFrame)),
      recordOut: timecode(seconds(event.takeFrame + event.takeFrames)),
      sourceIn: timecode(0),
      sourceOut: timecode(seconds(event.takeFrames)),
      notes: (notes.get(event.takeId) ?? []).map((note) => edlNote(event, note)),
    })),
  };
}

export type ReelEdl = ReturnType<typeof reelEdl>;

/** A spreadsheet runs a cell starting with these as a formula: a note must stay text. */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string | number): string {
  const text = typeof value === "number" ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const EDL_CSV_HEADER = ["shot", "take_id", "source_file", "record_in", "record_out", "source_in", "source_out", "notes"] as const;

/** The same list as CSV, one row per shot; a take's notes are joined into one cell as "timecode text (author)". */
export function reelEdlCsv(edl: ReelEdl): string {
  const rows = edl.events.map((event) => {
    const notes = event.notes.map((note) => `${note.sourceTimecode} ${note.text} (${note.author})`).join(" | ");
    return [event.shot, event.takeId, event.sourceFile, event.recordIn, event.recordOut, event.sourceIn, event.sourceOut, notes];
  });
  return [EDL_CSV_HEADER, ...rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}
