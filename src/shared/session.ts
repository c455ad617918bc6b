import { z } from "zod";

export const AUTH_MODES = ["none", "password", "proxy"] as const;

/** `GET/POST /api/session`: how the studio lets people in, and who this is (null: nobody yet). */
export const sessionSchema = z.object({
  mode: z.enum(AUTH_MODES),
  user: z.object({ name: z.string(), isAdmin: z.boolean() }).nullable(),
});
export type Session = z.infer<typeof sessionSchema>;

const normaliseName = (name: string) => name.trim().replace(/\s+/g, " ");

/** `POST /api/session`: the form checks with it; the BFF re-checks with it. */
export const signInSchema = z.strictObject({
  name: z
    .string({ error: "Enter your name." })
    .transform(normaliseName)
    .pipe(
      z
        .string()
        .min(1, "Enter your name.")
        .max(64, "Use a name of at most 64 characters.")
        .regex(/^[\p{L}\p{N} .@_'-]+$/u, "Use letters, digits, spaces and . @ _ ' - in your name."),
    ),
  password: z.string({ error: "Enter the studio password." }).min(1, "Enter the studio password.").max(1024),
});
export type SignInInput = z.input<typeof signInSchema>;
export type SignInRequest = z.output<typeof signInSchema>;

/** `DELETE /api/session/all`: how many sessions were ended, the caller's included. */
export const signedOutSchema = z.object({ signedOut: z.number().int().nonnegative() });
export type SignedOut = z.infer<typeof signedOutSchema>;
