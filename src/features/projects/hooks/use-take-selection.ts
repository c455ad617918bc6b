import { useCallback, useState } from "react";

/** Takes picked on the board, in the order they were picked (compare lays them out that way). */
export function useTakeSelection() {
  const [ids, setIds] = useState<readonly string[]>([]);
  const toggle = useCallback((id: string, on: boolean) => {
    setIds((current) => (on ? [...current.filter((x) => x !== id), id] : current.filter((x) => x !== id)));
  }, []);
  const clear = useCallback(() => setIds([]), []);
  return { ids, toggle, clear };
}

export type TakeSelection = ReturnType<typeof useTakeSelection>;
