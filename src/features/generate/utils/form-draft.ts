import type { Upload } from "@/shared/api";
import type { ImageRef } from "@/shared/take";
import type { ModelId } from "@/shared/models";

/**
 * What another page asks the form to load. `take` replaces every field (the seed is offered,
 * never set); `first-frame` only sets the first frame and leaves the rest as it is.
 * `id` tells one request from the next, so the same draft is applied once.
 */
export type FormDraft =
  | {
      id: string;
      kind: "take";
      values: {
        model: ModelId;
        prompt: string;
        image: ImageRef;
        lastImage: ImageRef | null;
        ratio: string;
        duration: 5 | 10;
      };
      /** The seed the take used, shown as an explicit "Use this take's seed" offer. */
      seed: number | null;
      /** The take's shot: "Make another" lands in it too (null: no shot). */
      shot: { projectId: string; shotId: string } | null;
      source: { id: string; label: string };
    }
  | {
      id: string;
      kind: "first-frame";
      upload: Upload;
      source: { id: string; label: string };
    };
