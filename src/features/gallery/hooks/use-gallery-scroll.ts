import { useLayoutEffect, useRef } from "react";

/** Skips a scroll that would not move (and jsdom, which has no layout, never scrolls). */
function scrollToY(top: number): void {
  if (Math.abs(window.scrollY - top) >= 1) window.scrollTo({ top, behavior: "instant" });
}

/**
 * Opening a page starts at its top; coming back to the gallery returns to where it was, per
 * filter view. Layout effects: the position is read and restored before the browser paints
 * (and before a shorter page clamps it), and the gallery's cached pages are already in the DOM.
 */
export function useGalleryScroll(pathname: string, search: string): void {
  const saved = useRef(new Map<string, number>());
  const previous = useRef(pathname);

  useLayoutEffect(() => {
    const from = previous.current;
    previous.current = pathname;
    if (pathname !== "/") {
      if (from !== pathname) scrollToY(0);
      return;
    }
    if (from !== "/") scrollToY(saved.current.get(search) ?? 0);
    const record = () => saved.current.set(search, window.scrollY);
    window.addEventListener("scroll", record, { passive: true });
    return () => window.removeEventListener("scroll", record);
  }, [pathname, search]);
}
