import { useQuery } from "@tanstack/react-query";
import { timecode, type ReelShot } from "@/shared/reel";
import type { Note } from "@/shared/note";
import { takeNotesQueryOptions } from "../api/list-take-notes";

type Props = { shot: ReelShot; current: boolean; onSeek: (reelSeconds: number) => void };

const noteClass =
  "w-full rounded-lg px-2 py-1.5 text-left text-sm text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 dark:text-zinc-200 dark:hover:bg-zinc-800";

function NoteButton({ note, onSeek }: { note: Note; onSeek: () => void }) {
  return (
    <button type="button" className={noteClass} onClick={onSeek}>
      <span className="font-mono text-xs text-zinc-600 dark:text-zinc-300">{timecode(note.atSeconds)}</span> {note.text}
      <span className="text-zinc-600 dark:text-zinc-300"> — {note.author}</span>
    </button>
  );
}

/** One shot of the reel beside the player: its take's notes, each a way to jump to its frame. */
export function ShotNotes({ shot, current, onSeek }: Props) {
  const notes = useQuery(takeNotesQueryOptions(shot.takeId));
  const headingId = `session-shot-${shot.shotId}`;
  const ring = current ? "border-accent-500 bg-accent-50 dark:border-accent-400 dark:bg-accent-900/40" : "border-zinc-200 dark:border-zinc-800";
  return (
    <li aria-labelledby={headingId} aria-current={current ? "true" : undefined} className={`rounded-xl border p-3 ${ring}`}>
      <h3 id={headingId} className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
        {shot.code} <span className="font-normal text-zinc-600 dark:text-zinc-300">· take {shot.takeId}</span>
      </h3>
      {notes.isPending && <p className="text-sm text-zinc-600 dark:text-zinc-300">Loading notes…</p>}
      {notes.isError && (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          Couldn't load the notes: {notes.error.message}
        </p>
      )}
      {notes.data && notes.data.items.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-300">No notes on this take.</p>}
      {notes.data && notes.data.items.length > 0 && (
        <ul className="mt-1 space-y-1">
          {notes.data.items.map((note) => (
            <li key={note.id}>
              <NoteButton note={note} onSeek={() => onSeek(shot.startSeconds + note.atSeconds)} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
