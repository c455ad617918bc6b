import { useOutletContext } from "react-router";
import { Gallery } from "@/features/gallery/components/gallery";
import type { ShellOutletContext } from "./shell";

/** The studio's default page: every take, filtered by the address. */
export function GalleryRoute() {
  const { viewer, highlight } = useOutletContext<ShellOutletContext>();
  return (
    <section aria-labelledby="takes-heading">
      <h2 id="takes-heading" className="mb-4 text-base font-semibold">
        Takes
      </h2>
      <Gallery viewer={viewer} highlight={highlight} />
    </section>
  );
}
