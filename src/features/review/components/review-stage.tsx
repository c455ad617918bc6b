import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { frameLabel, frameStart } from "@/components/player/frame-math";
import { useFramePlayer } from "@/hooks/use-frame-player";
import { useShuttle } from "@/hooks/use-shuttle";
import { MODELS } from "@/shared/models";
import type { Take } from "@/shared/take";
import { useCreateNote } from "../api/create-note";
import { notesQueryOptions } from "../api/list-notes";
import { useSetFavourite } from "../api/update-take";
import { useKeyActions } from "../hooks/use-key-actions";
import { useReviewState } from "../hooks/use-review-state";
import type { ReviewAction } from "../utils/review-keys";
import { REVIEW_LABELS } from "../utils/review-words";
import { FavouriteToggle } from "./favourite-toggle";
import { NoteBox } from "./note-box";
import { ReviewControl } from "./review-control";
import { TakeVideo, hasVideo } from "./take-video";

type ReviewStageProps = {
  take: Take;
  /** "take 3 of 8", for what is announced. */
  position: string;
  /** Keys go to the keys dialog while it is open. */
  keysEnabled: boolean;
  onChanged: (take: Take) => void;
  onNotesChanged?: (() => void) | undefined;
  announce: (message: string) => void;
  /** The actions that move between takes or leave, which the session handles. */
  onSessionAction: (action: ReviewAction) => void;
};

const darkButton = "inline-flex h-8 items-center gap-1 rounded-lg border border-zinc-700 px-3 text-sm text-zinc-100 hover:bg-zinc-800";

/** One take in review mode: its player, verdict, favourite and a note box, all on keys. */
export function ReviewStage({ take, position, keysEnabled, onChanged, onNotesChanged, announce, onSessionAction }: ReviewStageProps) {
  const fps = MODELS[take.model].frameRate;
  const player = useFramePlayer({ fps, duration: take.video?.durationSeconds ?? take.duration });
  const shuttle = useShuttle(player);
  const review = useReviewState(take, onChanged);
  const favourite = useSetFavourite({ onChanged });
  const createNote = useCreateNote({ onChanged: onNotesChanged });
  const notes = useQuery(notesQueryOptions(take.id)).data ?? [];
  const [noteFrame, setNoteFrame] = useState<number | null>(null);
  const starred = favourite.isPending ? favourite.variables.favourite : take.favourite;

  function setReview(state: "circled" | "maybe" | "rejected") {
    review.set(state);
    announce(`${REVIEW_LABELS[state]} ${position}`);
  }
  function toggleFavourite() {
    favourite.mutate({ id: take.id, favourite: !starred });
    announce(`${starred ? "No longer a favourite" : "Favourite"}: ${position}`);
  }
  function openNote() {
    shuttle.stop();
    createNote.reset();
    setNoteFrame(player.frame);
  }
  function saveNote(frame: number, text: string) {
    createNote.mutate(
      { takeId: take.id, note: { atSeconds: frameStart(frame, fps), text } },
      {
        onSuccess: () => {
          setNoteFrame(null);
          announce(`Note added at ${frameLabel(frame, fps)}, ${position}`);
        },
      },
    );
  }

  const stageActions: Partial<Record<ReviewAction, () => void>> = {
    play: shuttle.playPause,
    reverse: shuttle.backward,
    stop: shuttle.stop,
    forward: shuttle.forward,
    frameBack: () => player.step(-1),
    frameForward: () => player.step(1),
    circle: () => setReview("circled"),
    maybe: () => setReview("maybe"),
    reject: () => setReview("rejected"),
    note: openNote,
    favourite: toggleFavourite,
  };
  useKeyActions((action) => (stageActions[action] ?? (() => onSessionAction(action)))(), keysEnabled && noteFrame === null);

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3 px-4 pb-4">
      {hasVideo(take) ? (
        <TakeVideo take={take} notes={notes} player={player} maxHeight="calc(100vh - 17rem)" keys={false} tone="dark" />
      ) : (
        <p className="rounded-xl border border-zinc-700 p-8 text-center text-sm text-zinc-300">This take has no video: it is {take.status}.</p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <ReviewControl review={review} tone="dark" />
        <FavouriteToggle starred={starred} onToggle={toggleFavourite} tone="dark" className={darkButton} />
        {noteFrame === null && (
          <button type="button" onClick={openNote} className={darkButton}>
            Add note at this frame
          </button>
        )}
        {favourite.isError && (
          <p role="alert" className="text-sm text-red-300">
            {favourite.error.message}
          </p>
        )}
      </div>
      {noteFrame !== null && (
        <NoteBox
          label={`Note at ${frameLabel(noteFrame, fps)}`}
          pending={createNote.isPending}
          error={createNote.isError ? createNote.error.message : null}
          onSave={(text) => saveNote(noteFrame, text)}
          onCancel={() => setNoteFrame(null)}
          tone="dark"
        />
      )}
    </div>
  );
}
