/** Who asks for takes, and how to recognise a repeat of the same request. */
export type TakeRequest = { author: string; idempotencyKey: string | null; fingerprint: string | null; sourceId?: string | null };
