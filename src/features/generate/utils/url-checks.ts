/**
 * What the browser found when it loaded a pasted address: too small, a ratio the model refuses,
 * or no image at all. Kept outside React because the form's resolver, made once, reads it at
 * submit. Keyed by address; every load of an address overwrites its entry.
 */
const problems = new Map<string, string>();

export function recordUrlCheck(url: string, problem: string | null) {
  if (problem) problems.set(url, problem);
  else problems.delete(url);
}

export function urlCheckProblem(url: string): string | undefined {
  return problems.get(url);
}
