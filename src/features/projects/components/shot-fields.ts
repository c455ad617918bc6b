import type { FormField } from "./fields-form";

export const SHOT_FIELDS: readonly FormField<"code" | "description">[] = [
  { name: "code", label: "Code", placeholder: "SH010" },
  { name: "description", label: "Description (optional)" },
];

/** The code the next shot would usually get: SH010, SH020, … */
export function nextShotCode(count: number): string {
  return `SH${String((count + 1) * 10).padStart(3, "0")}`;
}
