import { useEffect, useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { frameAt, frameLabel, frameStart } from "@/components/player/frame-math";
import { MODELS } from "@/shared/models";
import type { Take } from "@/shared/take";
import { useCreateNote } from "../api/create-note";
import { notesQueryOptions } from "../api/list-notes";
import { useSetFavourite } from "../api/update-take";
import { useReviewState } from "../hooks/use-review-state";
import type { ReviewAction } from "../utils/review-keys";
import { FavouriteToggle } from "./favourite-toggle";
import { NoteBox } from "./note-box";
import { ReviewControl } from "./review-control";

/** Handles one review key for its take; false when the key is not one it acts on. */
export type CompareReviewHandler = (action: ReviewAction) => boolean;

type CompareTakeReviewProps = {
  take: Take;
  /** Where the shared transport stands, so a note pins to the frame on screen. */
  seconds: number;
  /** Hands the page this take's key handler (null when it goes), for C, M, X, N and F on the focused take. */
  register: (handler: CompareReviewHandler | null) => void;
  onTakeChanged: (take: Take) => void;
  onNotesChanged: () => void;
};

const smallButton =
  "inline-flex h-8 items-center gap-1 rounded-lg border border-zinc-300 px-3 text-sm text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-100 dark:hover:bg-zinc-800";

/** Under one player in compare: the take's verdict, favourite, its notes, and a new note at the shared frame, by click or key. */
export function CompareTakeReview({ take, seconds, register, onTakeChanged, onNotesChanged }: CompareTakeReviewProps) {
  const fps = MODELS[take.model].frameRate;
  const review = useReviewState(take, onTakeChanged);
  const favourite = useSetFavourite({ onChanged: onTakeChanged });
  const createNote = useCreateNote({ onChanged: onNotesChanged });
  const [noteFrame, setNoteFrame] = useState<number | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const notes = useQuery(notesQueryOptions(take.id)).data ?? [];
  const starred = favourite.isPending ? favourite.variables.favourite : take.favourite;
  const frame = frameAt(seconds, fps);

  function toggleFavourite() {
    favourite.mutate({ id: take.id, favourite: !starred });
  }
  function openNote() {
    createNote.reset();
    setSaved(null);
    setNoteFrame(frame);
  }
  const actions: Partial<Record<ReviewAction, () => void>> = {
    circle: () => review.set("circled"),
    maybe: () => review.set("maybe"),
    reject: () => review.set("rejected"),
    favourite: toggleFavourite,
    note: openNote,
  };
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    register((action) => {
      const run = latest.current[action];
      run?.();
      return run !== undefined;
    });
    return () => register(null);
  }, [register]);

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <ReviewControl review={review} />
        <FavouriteToggle starred={starred} onToggle={toggleFavourite} className={smallButton} />
        {noteFrame === null && (
          <button type="button" onClick={openNote} className={smallButton}>
            Add note at this frame
          </button>
        )}
      </div>
      {favourite.isError && <p role="alert" className="text-sm text-red-700 dark:text-red-400">{favourite.error.message}</p>}
      {saved && <p role="status" className="text-xs text-zinc-600 dark:text-zinc-400">{saved}</p>}
      {notes.length > 0 && (
        <ul aria-label="Notes on this take" className="space-y-1 text-xs text-zinc-700 dark:text-zinc-300">
          {notes.map((note) => (
            <li key={note.id}>
              <span className="font-medium tabular-nums">{frameLabel(frameAt(note.atSeconds, fps), fps)}</span> · {note.text}{" "}
              <span className="text-zinc-500 dark:text-zinc-400">({note.author})</span>
            </li>
          ))}
        </ul>
      )}
      {noteFrame !== null && (
        <NoteBox
          label={`Note at ${frameLabel(noteFrame, fps)}`}
          pending={createNote.isPending}
          error={createNote.isError ? createNote.error.message : null}
          onSave={(text) =>
            createNote.mutate(
              { takeId: take.id, note: { atSeconds: frameStart(noteFrame, fps), text } },
              {
                onSuccess: () => {
                  setSaved(`Note added at ${frameLabel(noteFrame, fps)}.`);
                  setNoteFrame(null);
                },
              },
            )
          }
          onCancel={() => setNoteFrame(null)}
        />
      )}
    </div>
  );
}
