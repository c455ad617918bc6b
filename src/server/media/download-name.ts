const SLUG_MAX = 40;

/** The first words of a prompt as an ASCII slug of at most 40 characters, cut between words. */
export function promptSlug(prompt: string): string {
  const words = prompt
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > SLUG_MAX) break;
    slug = next;
  }
  // One very long first word still names the file, cut to the limit.
  if (!slug && words[0]) slug = words[0].slice(0, SLUG_MAX);
  return slug || "untitled";
}

/** `<YYYY-MM-DD>-<model>-<first words of prompt>-<seed>.mp4`, dated by when the take was made (UTC). */
export function downloadName(take: { createdAt: number; model: string; prompt: string; seed: number }): string {
  const date = new Date(take.createdAt).toISOString().slice(0, 10);
  return `${date}-${take.model}-${promptSlug(take.prompt)}-${take.seed}.mp4`;
}

/** `attachment` with a quoted ASCII name and its RFC 5987 twin for clients that read only that. */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
