import type { Shot } from "@/shared/project";

/** The shots with one moved to `order` (1-based) and the others renumbered 1…n, as the server does it. */
export function moveShot(shots: readonly Shot[], id: string, order: number): Shot[] {
  const moving = shots.find((shot) => shot.id === id);
  if (!moving) return [...shots];
  const rest = shots.filter((shot) => shot.id !== id);
  const at = Math.min(Math.max(order, 1), shots.length) - 1;
  return [...rest.slice(0, at), moving, ...rest.slice(at)].map((shot, i) => ({ ...shot, order: i + 1 }));
}
