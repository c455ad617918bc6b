import { useState } from "react";
import { frameAt, frameLabel } from "@/components/player/frame-math";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { Note } from "@/shared/note";
import { useDeleteNote } from "../api/delete-note";
import { useUpdateNote } from "../api/update-note";
import { agoLabel } from "../utils/when";
import { NoteBox } from "./note-box";

type NoteItemProps = {
  note: Note;
  fps: number;
  /** The author (or an admin): the BFF refuses anyone else, so nobody else is offered the buttons. */
  mayChange: boolean;
  onSeek: (frame: number) => void;
  onChanged?: (() => void) | undefined;
  now: number;
};

/** One note: when in the take (a button that goes there), who, when, what; Edit and Delete for its author. */
export function NoteItem({ note, fps, mayChange, onSeek, onChanged, now }: NoteItemProps) {
  const frame = frameAt(note.atSeconds, fps);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const update = useUpdateNote();
  const remove = useDeleteNote({ onChanged });

  return (
    <li className="space-y-1 border-b border-zinc-200 py-3 last:border-b-0 dark:border-zinc-800">
      <div className="flex flex-wrap items-baseline gap-x-2 text-xs text-zinc-600 dark:text-zinc-400">
        <button type="button" onClick={() => onSeek(frame)} className="font-medium text-accent-700 tabular-nums underline underline-offset-2 dark:text-accent-300">
          {frameLabel(frame, fps)}
        </button>
        <span>
          {note.author}, {agoLabel(note.createdAt, now)}
          {note.x !== null && " · pinned to the picture"}
        </span>
      </div>
      {editing ? (
        <NoteBox
          label={`Edit the note at ${frameLabel(frame, fps)}`}
          initialText={note.text}
          saveLabel="Save changes"
          pending={update.isPending}
          error={update.isError ? update.error.message : null}
          onSave={(text) => update.mutate({ id: note.id, changes: { text } }, { onSuccess: () => setEditing(false) })}
          onCancel={() => {
            update.reset();
            setEditing(false);
          }}
        />
      ) : (
        <p className="text-sm break-words whitespace-pre-wrap">{note.text}</p>
      )}
      {mayChange && !editing && (
        <div className="flex gap-1">
          <Button size="sm" variant="ghost" aria-label={`Edit note at ${frameLabel(frame, fps)}`} onClick={() => setEditing(true)}>
            Edit
          </Button>
          <Button size="sm" variant="ghost" aria-label={`Delete note at ${frameLabel(frame, fps)}`} onClick={() => setConfirming(true)}>
            Delete
          </Button>
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title="Delete this note?"
          confirmLabel="Delete note"
          pendingLabel="Deleting…"
          pending={remove.isPending}
          error={remove.isError ? remove.error.message : null}
          onConfirm={() => remove.mutate({ id: note.id, takeId: note.takeId }, { onSuccess: () => setConfirming(false) })}
          onCancel={() => {
            remove.reset();
            setConfirming(false);
          }}
        >
          “{note.text}” goes for everyone.
        </ConfirmDialog>
      )}
    </li>
  );
}
