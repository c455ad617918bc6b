import { afterEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { AppRoutes } from "@/app";
import { json, makeCompleted, makeTake, makeUpload, pngFile, stubBff } from "@/test/fake-bff";
import type { FakeHandler } from "@/test/fake-bff";
import type { Take } from "@/shared/take";
import { renderWithProviders } from "@/test/render";
import { forgetScrollIntoView, recordScrollIntoView } from "@/test/scroll-into-view";

// The form and the detail page are lazy chunks: the first import in a cold run is slow on a busy machine.
const LAZY = { timeout: 15_000 };

function renderStudio(routes: Record<string, FakeHandler> = {}, route = "/") {
  stubBff({
    "POST /api/uploads": () => json(201, makeUpload({ id: "up_1" })),
    "GET /api/uploads/:id": ({ params }) => json(200, makeUpload({ id: params.id ?? "" })),
    ...routes,
  });
  return renderWithProviders(<AppRoutes />, { route });
}

const follows = (a: Node, b: Node) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  localStorage.clear();
  forgetScrollIntoView();
});

describe("The form as a drawer", () => {
  it("folds away for the whole width, and stays as chosen on the next visit", async () => {
    const first = renderStudio();
    const { user } = first;
    await screen.findByRole("combobox", { name: "Model" }, LAZY);
    await user.click(screen.getByRole("button", { name: "Hide form" }));

    expect(screen.queryByRole("region", { name: "New take" })).not.toBeInTheDocument();
    const reopen = screen.getByRole("button", { name: "Make a take" });
    expect(reopen).toHaveFocus();
    expect(reopen).toHaveAttribute("aria-expanded", "false");
    expect(localStorage.getItem("dailies.form-open")).toBe("off");

    first.unmount();
    const second = renderStudio();
    await screen.findByRole("region", { name: "Takes" });
    expect(screen.queryByRole("region", { name: "New take" })).not.toBeInTheDocument();
    await second.user.click(screen.getByRole("button", { name: "Make a take" }));
    expect(screen.getByRole("region", { name: "New take" })).toBeVisible();
    expect(screen.getByRole("heading", { name: "New take" })).toHaveFocus();
    expect(screen.queryByRole("button", { name: "Make a take" })).not.toBeInTheDocument();
    expect(localStorage.getItem("dailies.form-open")).toBe("on");
  });
});

describe("Order on one column", () => {
  it("puts a take before the form, and the form before the gallery", async () => {
    const view = renderStudio({ "GET /api/generations/:id": () => json(200, makeCompleted({ id: "g1", prompt: "Harbour at dawn" })) }, "/g/g1");
    const heading = await screen.findByRole("heading", { level: 2, name: "Harbour at dawn" }, LAZY);
    expect(follows(heading, screen.getByRole("region", { name: "New take" }))).toBe(true);
    view.unmount();

    renderStudio();
    const takes = await screen.findByRole("region", { name: "Takes" });
    expect(follows(screen.getByRole("region", { name: "New take" }), takes)).toBe(true);
  });
});

describe("Finding your place", () => {
  it("opens a take at its top, and goes back to the same filters and scroll position", async () => {
    const scrolls: unknown[] = [];
    let y = 0;
    vi.spyOn(window, "scrollY", "get").mockImplementation(() => y);
    vi.spyOn(window, "scrollTo").mockImplementation((options?: ScrollToOptions | number) => {
      scrolls.push(options);
      y = typeof options === "object" ? (options.top ?? 0) : 0;
    });
    const take = makeCompleted({ id: "g1", model: "gen3a_turbo", prompt: "Harbour at dawn" });
    const { user } = renderStudio(
      { "GET /api/generations": () => json(200, { items: [take], nextCursor: null }), "GET /api/generations/:id": () => json(200, take) },
      "/?model=gen3a_turbo",
    );
    const link = await screen.findByRole("link", { name: "Harbour at dawn" });
    y = 900;
    fireEvent.scroll(window);

    await user.click(link);
    const back = await screen.findByRole("link", { name: "← All takes" }, LAZY);
    expect(scrolls).toEqual([{ top: 0, behavior: "instant" }]);
    expect(back).toHaveAttribute("href", "/?model=gen3a_turbo");

    await user.click(back);
    await screen.findByRole("link", { name: "Harbour at dawn" });
    expect(scrolls).toEqual([
      { top: 0, behavior: "instant" },
      { top: 900, behavior: "instant" },
    ]);
  });

  it("brings the batch just made into view and marks it", async () => {
    const scrolled = recordScrollIntoView();
    const stored: Take[] = [makeCompleted({ id: "old", prompt: "Older take" })];
    const batch = ["n1", "n2"].map((id) => makeTake({ id, batchId: "n1", prompt: "Fog rolls over the bay" }));
    const { user } = renderStudio({
      "POST /api/generations/batch": () => {
        stored.unshift(...batch);
        return json(201, { items: batch });
      },
      "GET /api/generations": () => json(200, { items: stored, nextCursor: null }),
      "GET /api/generations/:id": ({ params }) => json(200, batch.find((t) => t.id === params.id)),
    });
    await screen.findByRole("link", { name: "Older take" });
    await user.upload(await screen.findByLabelText(/choose first frame file/i, undefined, LAZY), pngFile("f.png"));
    await screen.findByRole("img", { name: "First frame preview" });
    await user.click(within(screen.getByRole("group", { name: "Takes" })).getByRole("radio", { name: "2" }));
    await user.click(screen.getByRole("button", { name: "Generate" }));

    const group = await screen.findByRole("region", { name: "2 variations" });
    const place = group.closest("li") as HTMLElement;
    await waitFor(() => expect(scrolled).toContain(place));
    expect(place).toHaveAttribute("data-highlighted");
  });
});
