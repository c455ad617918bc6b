/** Case-folds text for prompt search: JavaScript's full Unicode lower-casing, not SQLite's ASCII-only one. */
export function foldForSearch(text: string): string {
  return text.normalize("NFC").toLowerCase();
}

/** A LIKE pattern matching `query` anywhere, with `%`, `_` and the escape itself taken literally. */
export function containsPattern(query: string): string {
  return `%${foldForSearch(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
