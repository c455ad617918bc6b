import { useEffect, useRef } from "react";

/**
 * Calls `onReachEnd` when the returned sentinel scrolls within reach. Observing again after
 * each page means a short page that leaves the sentinel in view pulls the next one too.
 */
export function useInfiniteScroll(onReachEnd: () => void, enabled: boolean) {
  const sentinel = useRef<HTMLDivElement>(null);
  const latest = useRef(onReachEnd);
  useEffect(() => {
    latest.current = onReachEnd;
  });

  useEffect(() => {
    const element = sentinel.current;
    if (!element || !enabled || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) latest.current();
    }, { rootMargin: "400px 0px" });
    observer.observe(element);
    return () => observer.disconnect();
  }, [enabled]);

  return sentinel;
}
