import { useQuery } from "@tanstack/react-query";
import { LoadFailed } from "@/components/ui/query-state";
import { useFramePlayer } from "@/hooks/use-frame-player";
import { MODELS } from "@/shared/models";
import type { Take } from "@/shared/take";
import { notesQueryOptions } from "../api/list-notes";
import { usePinDraft } from "../hooks/use-pin-draft";
import { useReviewState } from "../hooks/use-review-state";
import type { NoteViewer } from "../utils/note-viewer";
import { NotePins } from "./note-pins";
import { NotesPanel } from "./notes-panel";
import { ReviewControl } from "./review-control";
import { TakeVideo } from "./take-video";

type TakeReviewProps = {
  take: Take & { video: NonNullable<Take["video"]> };
  viewer: NoteViewer;
  /** The BFF's copy of the take after a change, for the caches of whoever shows it. */
  onTakeChanged?: ((take: Take) => void) | undefined;
  /** A note was added or deleted: the take's note count moved. */
  onNotesChanged?: (() => void) | undefined;
};

/** A finished take on its detail page: the frame-accurate player, its review state and its notes. */
export function TakeReview({ take, viewer, onTakeChanged, onNotesChanged }: TakeReviewProps) {
  const fps = MODELS[take.model].frameRate;
  const player = useFramePlayer({ fps, duration: take.video.durationSeconds });
  const pin = usePinDraft();
  const review = useReviewState(take, onTakeChanged);
  const notesQuery = useQuery(notesQueryOptions(take.id));
  const notes = notesQuery.data ?? [];

  return (
    <div className="space-y-4">
      <TakeVideo take={take} notes={notes} player={player} overlay={<NotePins notes={notes} frame={player.frame} fps={fps} pin={pin} />} />
      <ReviewControl review={review} />
      {notesQuery.isError ? (
        <LoadFailed what="the notes" error={notesQuery.error} onRetry={notesQuery.refetch} box />
      ) : (
        <NotesPanel takeId={take.id} notes={notes} player={player} pin={pin} viewer={viewer} onChanged={onNotesChanged} />
      )}
    </div>
  );
}
