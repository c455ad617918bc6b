import { afterEach, describe, expect, it, vi } from "vitest";
import { act, screen, within } from "@testing-library/react";
import { apiError, callsTo, json, makeGeneration, stubBff } from "@/test/fake-bff";
import type { Generation } from "@/shared/generation";
import { renderWithProviders } from "@/test/render";
import { Gallery } from "./gallery";

const list = (items: Generation[], nextCursor: string | null = null) => () => json(200, { items, nextCursor });

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("Gallery", () => {
  it("says so when there are no takes yet", async () => {
    stubBff();
    renderWithProviders(<Gallery />);
    expect(await screen.findByText("No takes yet — your generations will appear here.")).toBeInTheDocument();
  });

  it("shows the list error inline", async () => {
    stubBff({ "GET /api/generations": () => apiError(503, "internal_error", "The gallery store is not answering.") });
    renderWithProviders(<Gallery />);
    expect(await screen.findByRole("alert")).toHaveTextContent("The gallery store is not answering.");
  });

  it("renders queued, generating, completed and failed takes", async () => {
    stubBff({
      "GET /api/generations": list([
        makeGeneration({ id: "g4", status: "queued", prompt: "Queued shot" }),
        makeGeneration({ id: "g3", status: "generating", prompt: "Running shot", seed: null }),
        makeGeneration({
          id: "g2",
          status: "completed",
          prompt: "Finished shot",
          ratio: "9:16",
          completedAt: "2025-01-01T10:00:48.000Z",
          updatedAt: "2025-01-01T10:00:48.000Z",
          video: { url: "/media/videos/g2.mp4", contentType: "video/mp4", bytes: 1000 },
        }),
        makeGeneration({
          id: "g1",
          status: "failed",
          prompt: "Broken shot",
          updatedAt: "2025-01-01T10:00:30.000Z",
          error: { code: "generation_failed", message: "Runway refused the image: it shows a real person." },
        }),
      ]),
      "GET /api/generations/:id": ({ params }) => json(200, makeGeneration({ id: params.id ?? "", status: "generating" })),
    });
    renderWithProviders(<Gallery />);

    const cards = await screen.findAllByRole("article");
    expect(cards).toHaveLength(4);
    const [queued, generating, completed, failed] = cards as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];

    expect(within(queued).getByText("Queued")).toBeInTheDocument();
    expect(within(queued).getByText(/^queued · \d/)).toBeInTheDocument();
    expect(within(generating).getByText("Generating")).toBeInTheDocument();
    expect(within(generating).getByText("seed random")).toBeInTheDocument();

    expect(within(completed).getByText("Completed")).toBeInTheDocument();
    expect(within(completed).getByText("took 48 s")).toBeInTheDocument();
    const video = within(completed).getByLabelText("Take: Finished shot");
    expect(video.tagName).toBe("VIDEO");
    expect(video).toHaveAttribute("src", "/media/videos/g2.mp4");
    expect(video).toHaveAttribute("preload", "metadata");
    expect(video).toHaveStyle({ aspectRatio: "9 / 16" });
    expect(within(completed).getByText("9:16")).toBeInTheDocument();

    expect(within(failed).getByText("Failed")).toBeInTheDocument();
    expect(within(failed).getByRole("status")).toHaveTextContent("Runway refused the image: it shows a real person.");
    expect(within(failed).getByText("failed after 30 s")).toBeInTheDocument();
    expect(within(failed).queryByLabelText(/take:/i)).not.toBeInTheDocument();
  });

  it("polls an unfinished take until it is terminal, then stops", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const detail = [
      makeGeneration({ id: "g1", status: "generating", updatedAt: "2025-01-01T10:00:05.000Z" }),
      makeGeneration({
        id: "g1",
        status: "completed",
        updatedAt: "2025-01-01T10:00:20.000Z",
        completedAt: "2025-01-01T10:00:20.000Z",
        video: { url: "/media/videos/g1.mp4", contentType: "video/mp4", bytes: 1000 },
      }),
    ];
    const fetchMock = stubBff({
      "GET /api/generations": list([makeGeneration({ id: "g1", status: "queued" }), makeGeneration({ id: "g0", status: "completed" })]),
      "GET /api/generations/:id": ({ params }) =>
        params.id === "g1" ? json(200, detail.length > 1 ? detail.shift() : detail[0]) : apiError(404, "not_found", "No such take."),
    });
    renderWithProviders(<Gallery />);
    await screen.findAllByRole("article");
    const detailCalls = () => callsTo(fetchMock, "GET", "/api/generations/g1").length;

    expect(await screen.findByText("Generating")).toBeInTheDocument();
    expect(screen.queryByLabelText(/^Take:/)).not.toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(await screen.findByLabelText(/^Take:/)).toHaveAttribute("src", "/media/videos/g1.mp4");
    const callsAtCompletion = detailCalls();

    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(detailCalls()).toBe(callsAtCompletion);
    expect(callsAtCompletion).toBeGreaterThanOrEqual(2);
    expect(callsTo(fetchMock, "GET", "/api/generations/g0")).toHaveLength(0);
  });

  it("loads older takes with Load more", async () => {
    const fetchMock = stubBff({
      "GET /api/generations": ({ url }) =>
        url.searchParams.get("cursor") === "page-2"
          ? json(200, { items: [makeGeneration({ id: "old", status: "completed", prompt: "Older shot" })], nextCursor: null })
          : json(200, { items: [makeGeneration({ id: "new", status: "completed", prompt: "Newer shot" })], nextCursor: "page-2" }),
    });
    const { user } = renderWithProviders(<Gallery />);
    await screen.findByText("Newer shot");

    await user.click(screen.getByRole("button", { name: "Load more" }));
    expect(await screen.findByText("Older shot")).toBeInTheDocument();
    expect(screen.getAllByRole("article").map((a) => within(a).getByTitle(/shot/).textContent)).toEqual(["Newer shot", "Older shot"]);
    expect(screen.queryByRole("button", { name: "Load more" })).not.toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledWith("/api/generations?limit=24&cursor=page-2", expect.anything());
  });
});
