import type { SourceKind } from "../../shared/family";

/** Who asks for takes, how to recognise a repeat of the same request, and the take it comes from. */
export type TakeRequest = { author: string; idempotencyKey: string | null; fingerprint: string | null; sourceId?: string | null; sourceKind?: SourceKind | null };
