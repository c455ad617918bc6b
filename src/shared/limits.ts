/** Limits shared by the browser's early checks and the BFF's authoritative ones. */
export const SEED_MAX = 4_294_967_295;
export const IMAGE_MIN_RATIO = 0.5;
export const IMAGE_MAX_RATIO = 2;
export const IMAGE_MIN_SHORT_SIDE = 320;
export const IMAGE_MAX_SIDE = 8000;
export const UPLOAD_MAX_BYTES = 40 * 1024 * 1024;
/** Runway accepts 5 MB data URIs; an older limit was 3 MB, so stay under that. */
export const DATA_URI_MAX_BYTES = 3 * 1024 * 1024;
export const IMAGE_URL_MAX_LENGTH = 2048;
export const ACCEPTED_IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export const LIST_DEFAULT_LIMIT = 24;
export const LIST_MAX_LIMIT = 100;
