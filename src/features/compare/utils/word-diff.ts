export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/**
 * What changed from `before` to `after`, word by word: a longest common subsequence of the
 * words, the rest removed (from before) or added (from after). Runs of one kind are joined.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = words(before);
  const b = words(after);
  const width = b.length + 1;
  // common[i * width + j]: the longest common run of a[i..] and b[j..].
  const common = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i * width + j] =
        a[i] === b[j] ? (common[(i + 1) * width + j + 1] ?? 0) + 1 : Math.max(common[(i + 1) * width + j] ?? 0, common[i * width + j + 1] ?? 0);
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart["kind"], word: string) => {
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += ` ${word}`;
    else parts.push({ kind, text: word });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const wordA = a[i];
    const wordB = b[j];
    if (wordA !== undefined && wordA === wordB) {
      push("same", wordA);
      i++;
      j++;
    } else if (wordA !== undefined && (wordB === undefined || (common[(i + 1) * width + j] ?? 0) >= (common[i * width + j + 1] ?? 0))) {
      push("removed", wordA);
      i++;
    } else if (wordB !== undefined) {
      push("added", wordB);
      j++;
    }
  }
  return parts;
}
