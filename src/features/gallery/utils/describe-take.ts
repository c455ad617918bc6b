import type { Take } from "@/shared/take";

/** A short, human name for a take: its prompt's start, or its model and ratio. */
export function describeTake(generation: Take, max = 60): string {
  const prompt = generation.prompt.trim();
  if (prompt === "") return `Untitled take (${generation.ratio}, ${generation.duration} s)`;
  return prompt.length > max ? `${prompt.slice(0, max - 1).trimEnd()}…` : prompt;
}
