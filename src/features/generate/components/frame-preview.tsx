import { useState } from "react";

/** "1920×1080 · 1.78:1" */
export function describeSize(width: number, height: number): string {
  return `${width}×${height} · ${(width / height).toFixed(2)}:1`;
}

type FramePreviewProps = { src: string; alt: string; size?: { width: number; height: number } | undefined };

/** Thumbnail with its pixel size; for pasted addresses the size comes from the image once it loads. */
export function FramePreview({ src, alt, size }: FramePreviewProps) {
  const [loaded, setLoaded] = useState<{ src: string; width: number; height: number } | null>(null);
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const known = size ?? (loaded?.src === src ? loaded : undefined);

  return (
    <figure className="flex items-center gap-3">
      <img
        src={src}
        alt={alt}
        className="h-16 w-24 shrink-0 rounded-md border border-zinc-200 bg-zinc-100 object-contain dark:border-zinc-700 dark:bg-zinc-800"
        onLoad={(event) => setLoaded({ src, width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })}
        onError={() => setFailedSrc(src)}
      />
      <figcaption className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
        {known && known.width > 0 ? describeSize(known.width, known.height) : null}
        {failedSrc === src && !known ? "This browser couldn't show the image; the model may still be able to fetch it." : null}
      </figcaption>
    </figure>
  );
}
