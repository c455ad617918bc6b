import { useRef, useState } from "react";
import type { Shot } from "@/shared/project";
import { useUpdateShot } from "../api/update-shot";

/**
 * Moves shots by keyboard (one step up or down) or by drag and drop, and says where each
 * landed, for the board's live region. The board shows the new order at once (see useUpdateShot).
 */
export function useShotReorder(projectId: string, shots: readonly Shot[]) {
  const update = useUpdateShot();
  const [announcement, setAnnouncement] = useState("");
  const dragged = useRef<string | null>(null);

  function moveTo(shot: Shot, order: number) {
    if (order < 1 || order > shots.length || order === shot.order) return;
    setAnnouncement(`${shot.code} moved to position ${order} of ${shots.length}.`);
    update.mutate(
      { id: shot.id, projectId, order },
      { onError: (error) => setAnnouncement(`${shot.code} could not be moved: ${error.message}`) },
    );
  }

  return {
    announcement,
    moveTo,
    moveBy: (shot: Shot, step: -1 | 1) => moveTo(shot, shot.order + step),
    drag: {
      start: (shot: Shot) => {
        dragged.current = shot.id;
      },
      dropOn: (target: Shot) => {
        const shot = shots.find((s) => s.id === dragged.current);
        dragged.current = null;
        if (shot) moveTo(shot, target.order);
      },
      end: () => {
        dragged.current = null;
      },
    },
  };
}

export type ShotReorder = ReturnType<typeof useShotReorder>;
