import type { ComponentProps } from "react";
import { FramePlayer } from "@/components/player/frame-player";
import type { Note } from "@/shared/note";
import type { Take } from "@/shared/take";
import { noteMarkerLabel } from "../utils/note-words";

type TakeVideoProps = Omit<ComponentProps<typeof FramePlayer>, "src" | "poster" | "label" | "aspectRatio" | "markers"> & {
  take: Take & { video: NonNullable<Take["video"]> };
  notes: readonly Note[];
};

/** A take's video in the frame player, its notes as markers on the scrubber. */
export function TakeVideo({ take, notes, player, ...rest }: TakeVideoProps) {
  return (
    <FramePlayer
      player={player}
      src={take.video.url}
      poster={take.video.posterUrl ?? take.image.url}
      label={`Take: ${take.prompt || "untitled"}`}
      aspectRatio={take.video.width / take.video.height}
      markers={notes.map((note) => ({ id: note.id, seconds: note.atSeconds, label: noteMarkerLabel(note, player.fps) }))}
      {...rest}
    />
  );
}

/** Only a finished take with its video gets the frame player. */
export function hasVideo(take: Take): take is Take & { video: NonNullable<Take["video"]> } {
  return take.status === "completed" && take.video !== null;
}
