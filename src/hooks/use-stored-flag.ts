import { useCallback, useState } from "react";

function read(key: string, fallback: boolean): boolean {
  try {
    const stored = localStorage.getItem(key);
    return stored === null ? fallback : stored === "on";
  } catch {
    return fallback;
  }
}

/** A yes/no the person chose, kept in this browser (localStorage) across visits. */
export function useStoredFlag(key: string, fallback: boolean): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => read(key, fallback));
  const set = useCallback(
    (next: boolean) => {
      setOn(next);
      try {
        localStorage.setItem(key, next ? "on" : "off");
      } catch {
        // Private mode without storage: the choice lasts for this page only.
      }
    },
    [key],
  );
  return [on, set];
}
