import type { Take } from "@/shared/take";

/** A short, human name for a take: its prompt's start, or its model and ratio. */
export function describeTake(take: Take, max = 60): string {
  const prompt = take.prompt.trim();
  if (prompt === "") return `Untitled take (${take.ratio}, ${take.duration} s)`;
  return prompt.length > max ? `${prompt.slice(0, max - 1).trimEnd()}…` : prompt;
}
