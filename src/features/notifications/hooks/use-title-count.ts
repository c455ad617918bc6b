import { useEffect } from "react";

/** "(2) Dailies" while two takes run, so the tab says it without being looked at. */
export function useTitleCount(count: number, title = "Dailies") {
  useEffect(() => {
    document.title = count > 0 ? `(${count}) ${title}` : title;
  }, [count, title]);
}
