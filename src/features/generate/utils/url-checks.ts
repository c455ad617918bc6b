/** What loading a pasted address showed: its size, or why it can't be a frame. */
export type UrlCheck = { url: string; size: { width: number; height: number } | null; problem: string | null };

/**
 * What the browser found when it loaded each pasted address: too small, a ratio the model
 * refuses, or no image at all. The form's resolver reads it at submit. Each form makes its own,
 * so two forms (or two tests) never see each other's; every load of an address overwrites its entry.
 */
export type UrlChecks = {
  record: (check: UrlCheck) => void;
  problemOf: (url: string) => string | undefined;
};

export function createUrlChecks(): UrlChecks {
  const problems = new Map<string, string>();
  return {
    record: ({ url, problem }) => {
      if (problem) problems.set(url, problem);
      else problems.delete(url);
    },
    problemOf: (url) => problems.get(url),
  };
}
