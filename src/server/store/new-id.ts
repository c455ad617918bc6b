import { randomBytes } from "node:crypto";

/** A new record's id: 12 URL-safe characters, unguessable. */
export const newId = () => randomBytes(9).toString("base64url");
