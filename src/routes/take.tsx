import { useNavigate, useOutletContext, useParams } from "react-router";
import { randomId } from "@/lib/random-id";
import { TakeDetail } from "@/features/gallery/components/take-detail";
import { describeTake } from "@/features/gallery/utils/describe-take";
import type { FormDraft } from "@/features/generate/utils/form-draft";
import type { Upload } from "@/shared/api";
import type { Take, ImageRef } from "@/shared/take";
import type { ShellOutletContext } from "./shell";
import { TakeShotField } from "./take-shot";

/** An uploaded frame is referenced by its id; a pasted address by itself. */
function toImageRef(image: { url: string; uploadId: string | null }): ImageRef {
  return image.uploadId ? { uploadId: image.uploadId } : { url: image.url };
}

export function takeDraft(take: Take): FormDraft {
  return {
    id: randomId(),
    kind: "take",
    values: {
      model: take.model,
      prompt: take.prompt,
      image: toImageRef(take.image),
      lastImage: take.lastImage ? toImageRef(take.lastImage) : null,
      ratio: take.ratio,
      duration: take.duration === 10 ? 10 : 5,
    },
    seed: take.seed,
    shot: take.projectId && take.shotId ? { projectId: take.projectId, shotId: take.shotId } : null,
    source: { id: take.id, label: describeTake(take) },
  };
}

export function lastFrameDraft(upload: Upload, take: Take): FormDraft {
  return { id: randomId(), kind: "first-frame", upload, source: { id: take.id, label: describeTake(take) } };
}

/** `/g/:id`: one take, with what can be made from it. Loaded on demand (React.lazy). */
export function TakeRoute() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const { sendDraft, viewer } = useOutletContext<ShellOutletContext>();

  return (
    <>
      <TakeDetail
        key={id}
        id={id}
        viewer={viewer}
        onEdit={(take) => sendDraft(takeDraft(take))}
        onUseLastFrame={(upload, take) => sendDraft(lastFrameDraft(upload, take))}
        onCreated={(take) => void navigate(`/g/${encodeURIComponent(take.id)}`)}
        onDeleted={() => void navigate("/", { replace: true })}
      />
      <TakeShotField key={`shot-${id}`} id={id} />
    </>
  );
}
