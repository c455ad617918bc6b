import { useRef, useState } from "react";
import type { Shot } from "@/shared/project";
import { useUpdateShot } from "../api/update-shot";

/** How the last move was asked for: the row that moved takes focus back to the same control. */
export type MoveVia = "up" | "down" | "row" | "drag";

/**
 * Moves shots by keyboard (one step up or down) or by drag and drop, and says where each
 * landed, for the board's live region. The board shows the new order at once (see useUpdateShot).
 */
export function useShotReorder(projectId: string, shots: readonly Shot[]) {
  const update = useUpdateShot();
  const [announcement, setAnnouncement] = useState("");
  const [lastMove, setLastMove] = useState<{ id: string; via: MoveVia } | null>(null);
  const dragged = useRef<string | null>(null);

  function moveTo(shot: Shot, order: number, via: MoveVia) {
    if (order < 1 || order > shots.length || order === shot.order) return;
    setLastMove({ id: shot.id, via });
    setAnnouncement(`${shot.code} moved to position ${order} of ${shots.length}.`);
    update.mutate(
      { id: shot.id, projectId, order },
      { onError: (error) => setAnnouncement(`${shot.code} could not be moved: ${error.message}`) },
    );
  }

  return {
    announcement,
    lastMove,
    moveBy: (shot: Shot, step: -1 | 1, via: MoveVia) => moveTo(shot, shot.order + step, via),
    drag: {
      start: (shot: Shot) => {
        dragged.current = shot.id;
      },
      dropOn: (target: Shot) => {
        const shot = shots.find((s) => s.id === dragged.current);
        dragged.current = null;
        if (shot) moveTo(shot, target.order, "drag");
      },
      end: () => {
        dragged.current = null;
      },
    },
  };
}

export type ShotReorder = ReturnType<typeof useShotReorder>;
