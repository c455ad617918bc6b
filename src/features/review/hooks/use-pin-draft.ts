import { useState } from "react";

export type PinPoint = { x: number; y: number };

export type PinDraft = {
  /** The next click on the picture places the pin. */
  picking: boolean;
  point: PinPoint | null;
  startPicking: () => void;
  pick: (point: PinPoint) => void;
  clear: () => void;
};

/** The point a note being written is pinned to, shared by the note box and the picture. */
export function usePinDraft(): PinDraft {
  const [picking, setPicking] = useState(false);
  const [point, setPoint] = useState<PinPoint | null>(null);
  return {
    picking,
    point,
    startPicking: () => setPicking(true),
    pick: (next) => {
      setPoint(next);
      setPicking(false);
    },
    clear: () => {
      setPoint(null);
      setPicking(false);
    },
  };
}
