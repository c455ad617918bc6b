import type { Take } from "@/shared/take";

export const takeTitle = (take: Take) => take.prompt || "Untitled take";
