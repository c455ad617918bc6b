import { IMAGE_MAX_RATIO, IMAGE_MAX_SIDE, IMAGE_MIN_RATIO, IMAGE_MIN_SHORT_SIDE } from "@/shared/limits";
import { ratioValue } from "@/shared/models";
import type { ModelCapability } from "@/shared/models";

// The browser's quick checks on a loaded image; the BFF repeats them with authority.

/** The model's limits on an image's pixel size, checked on the loaded image for pasted addresses. */
export function describeSizeProblem(width: number, height: number): string | null {
  if (width > IMAGE_MAX_SIDE || height > IMAGE_MAX_SIDE) {
    return `This image is ${width}×${height} px; the largest side may be at most ${IMAGE_MAX_SIDE} px.`;
  }
  if (Math.min(width, height) < IMAGE_MIN_SHORT_SIDE) {
    return `This image is ${width}×${height} px; the short side must be at least ${IMAGE_MIN_SHORT_SIDE} px.`;
  }
  const ratio = width / height;
  if (ratio < IMAGE_MIN_RATIO || ratio > IMAGE_MAX_RATIO) {
    return `This image's width/height ratio is ${ratio.toFixed(2)} (${width}×${height}); it must be between ${IMAGE_MIN_RATIO} and ${IMAGE_MAX_RATIO}. Crop it first.`;
  }
  return null;
}

/** "1920×1080 · 1.78:1" */
export function describeSize(width: number, height: number): string {
  return `${width}×${height} · ${(width / height).toFixed(2)}:1`;
}

export type Crop = { x: number; y: number; width: number; height: number; kept: number };

/**
 * The part of the image the model keeps at `ratio`: it scales the image to cover the output
 * and crops the centre. Returned in image pixels, with the kept share of the picture (0–1).
 */
export function centreCrop(width: number, height: number, ratio: string): Crop | null {
  const target = ratioValue(ratio);
  if (!(width > 0 && height > 0 && target > 0)) return null;
  const keptWidth = width / height > target ? height * target : width;
  const keptHeight = width / height > target ? height : width / target;
  return {
    x: (width - keptWidth) / 2,
    y: (height - keptHeight) / 2,
    width: keptWidth,
    height: keptHeight,
    kept: (keptWidth * keptHeight) / (width * height),
  };
}

/** Past this share of the picture cut away, the framing deserves a warning before a credit is spent. */
export const CROP_WARNING_SHARE = 0.25;

/**
 * The shape the model really outputs at `ratio`, as "w:h": Gen-3 Alpha Turbo's "16:9" is
 * 1280×768, which is 5:3. The crop is drawn for this, not for the ratio's name.
 */
export function outputShape(model: Pick<ModelCapability, "outputSizes">, ratio: string): string {
  const size = model.outputSizes[ratio];
  return size ? `${size.width}:${size.height}` : ratio;
}
