export const MIN_COMPARE = 2;
export const MAX_COMPARE = 4;

export type CompareIds = { ok: true; ids: string[] } | { ok: false; message: string };

/** `?ids=a,b[,c[,d]]`: two to four distinct take ids, or a sentence saying what to change. */
export function parseCompareIds(raw: string | null): CompareIds {
  const ids = (raw ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
  if (ids.length === 0) {
    return { ok: false, message: `This address names no takes. Compare opens with ${MIN_COMPARE} to ${MAX_COMPARE} take ids: /compare?ids=<id>,<id>.` };
  }
  if (ids.length < MIN_COMPARE) {
    return { ok: false, message: `Compare needs at least ${MIN_COMPARE} takes; this address names only one. Add another take's id.` };
  }
  if (ids.length > MAX_COMPARE) {
    return { ok: false, message: `Compare shows at most ${MAX_COMPARE} takes at once; this address names ${ids.length}. Remove ${ids.length - MAX_COMPARE}.` };
  }
  const twice = ids.find((id, index) => ids.indexOf(id) !== index);
  if (twice) return { ok: false, message: `The take “${twice}” is named twice; name each take once.` };
  return { ok: true, ids };
}
