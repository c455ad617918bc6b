import type { ReactNode } from "react";
import type { Take } from "@/shared/take";

/** What each player needs from the comparison: its take, its switches and the page's extras under it. */
export type TakeSlot = {
  take: Take;
  index: number;
  focused: boolean;
  muted: boolean;
  onFocus: () => void;
  onToggleMute: () => void;
  extras: ReactNode;
};
