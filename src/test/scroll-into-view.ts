/**
 * jsdom does not lay out, so it has no Element.scrollIntoView. This gives it one that records
 * which elements asked to be brought into view; `forgetScrollIntoView` takes it away again.
 */
export function recordScrollIntoView(): Element[] {
  const scrolled: Element[] = [];
  Object.defineProperty(Element.prototype, "scrollIntoView", {
    configurable: true,
    value(this: Element) {
      scrolled.push(this);
    },
  });
  return scrolled;
}

export function forgetScrollIntoView(): void {
  delete (Element.prototype as Partial<Element>).scrollIntoView;
}
