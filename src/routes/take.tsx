import { useNavigate, useOutletContext, useParams } from "react-router";
import { randomId } from "@/lib/random-id";
import { TakeDetail } from "@/features/gallery/components/take-detail";
import { describeTake } from "@/features/gallery/utils/describe-take";
import type { FormDraft } from "@/features/generate/utils/form-draft";
import type { Upload } from "@/shared/api";
import type { Take, ImageRef } from "@/shared/take";
import type { ShellOutletContext } from "./shell";

/** An uploaded frame is referenced by its id; a pasted address by itself. */
function toImageRef(image: { url: string; uploadId: string | null }): ImageRef {
  return image.uploadId ? { uploadId: image.uploadId } : { url: image.url };
}

export function takeDraft(generation: Take): FormDraft {
  return {
    id: randomId(),
    kind: "take",
    values: {
      model: generation.model,
      prompt: generation.prompt,
      image: toImageRef(generation.image),
      lastImage: generation.lastImage ? toImageRef(generation.lastImage) : null,
      ratio: generation.ratio,
      duration: generation.duration === 10 ? 10 : 5,
    },
    seed: generation.seed,
    source: { id: generation.id, label: describeTake(generation) },
  };
}

export function lastFrameDraft(upload: Upload, generation: Take): FormDraft {
  return { id: randomId(), kind: "first-frame", upload, source: { id: generation.id, label: describeTake(generation) } };
}

/** `/g/:id`: one take, with what can be made from it. Loaded on demand (React.lazy). */
export function TakeRoute() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const { sendDraft, viewer } = useOutletContext<ShellOutletContext>();

  return (
    <TakeDetail
      key={id}
      id={id}
      viewer={viewer}
      onEdit={(generation) => sendDraft(takeDraft(generation))}
      onUseLastFrame={(upload, generation) => sendDraft(lastFrameDraft(upload, generation))}
      onCreated={(generation) => void navigate(`/g/${encodeURIComponent(generation.id)}`)}
      onDeleted={() => void navigate("/", { replace: true })}
    />
  );
}
