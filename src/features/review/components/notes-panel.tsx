import { useState } from "react";
import { frameLabel, frameStart } from "@/components/player/frame-math";
import { Button } from "@/components/ui/button";
import { panelClass } from "@/components/ui/styles";
import type { FramePlayer } from "@/hooks/use-frame-player";
import { useNow } from "@/hooks/use-now";
import type { Note } from "@/shared/note";
import { useCreateNote } from "../api/create-note";
import type { PinDraft } from "../hooks/use-pin-draft";
import type { NoteViewer } from "../utils/note-viewer";
import { mayChangeNote } from "../utils/note-viewer";
import { NoteBox } from "./note-box";
import { NoteItem } from "./note-item";

type NotesPanelProps = {
  takeId: string;
  notes: readonly Note[];
  player: FramePlayer;
  pin: PinDraft;
  viewer: NoteViewer;
  onChanged?: (() => void) | undefined;
};

/** The take's notes in time order, and a new one at the frame the player shows. */
export function NotesPanel({ takeId, notes, player, pin, viewer, onChanged }: NotesPanelProps) {
  // The frame is fixed when the box opens: scrubbing to look again does not move the note.
  const [draftFrame, setDraftFrame] = useState<number | null>(null);
  const create = useCreateNote({ onChanged });
  const now = useNow(false);

  function open() {
    player.pause();
    pin.clear();
    create.reset();
    setDraftFrame(player.frame);
  }
  function close() {
    pin.clear();
    setDraftFrame(null);
  }
  function save(frame: number, text: string) {
    const point = pin.point ?? {};
    create.mutate({ takeId, note: { atSeconds: frameStart(frame, player.fps), text, ...point } }, { onSuccess: close });
  }

  return (
    <section aria-labelledby="notes-heading" className={`${panelClass} space-y-3 p-4`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="notes-heading" className="text-sm font-semibold">
          Notes {notes.length > 0 && <span className="font-normal text-zinc-500 dark:text-zinc-400">({notes.length})</span>}
        </h3>
        {draftFrame === null && (
          <Button size="sm" onClick={open}>
            Add note at this frame
          </Button>
        )}
      </div>
      {draftFrame !== null && (
        <NoteBox
          label={`Note at ${frameLabel(draftFrame, player.fps)}`}
          pending={create.isPending}
          error={create.isError ? create.error.message : null}
          onSave={(text) => save(draftFrame, text)}
          onCancel={close}
          pin={pin}
        />
      )}
      {notes.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No notes yet.</p>
      ) : (
        <ul>
          {notes.map((note) => (
            <NoteItem key={note.id} note={note} fps={player.fps} mayChange={mayChangeNote(viewer, note)} onSeek={player.seekFrame} onChanged={onChanged} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}
