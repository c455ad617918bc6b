import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import { AppRoutes } from "@/app";
import { apiError, json, makeCompleted, makeFailed, makeTake, makeSession, makeUpload, requestsTo, stubBff } from "@/test/fake-bff";
import type { FakeHandler } from "@/test/fake-bff";
import { renderWithProviders } from "@/test/render";

const take = makeCompleted({
  id: "g1",
  prompt: "Slow dolly-in on a lighthouse at dawn",
  seed: 1234,
  ratio: "9:16",
  duration: 10,
  model: "gen3a_turbo",
  lastImage: { url: "https://images.example.com/last.jpg", uploadId: null },
  sourceId: "g0",
});

function renderTake(routes: Record<string, FakeHandler> = {}, route = "/g/g1") {
  const fetchMock = stubBff({
    "GET /api/generations/:id": ({ params }) => (params.id === "g1" ? json(200, take) : apiError(404, "not_found", "No such take.")),
    "GET /api/uploads/:id": ({ params }) => json(200, makeUpload({ id: params.id ?? "" })),
    ...routes,
  });
  return { fetchMock, ...renderWithProviders(<AppRoutes />, { route }) };
}

// The detail page is a lazy chunk: its first render can take a moment in a busy test run.
const LAZY = { timeout: 5000 };

const bodyOf = (init: RequestInit | undefined) => JSON.parse(String(init?.body)) as unknown;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("Take detail (/g/:id)", () => {
  it("shows the video, every parameter, the seed used, timings, usage and frames", async () => {
    renderTake();
    const detail = await screen.findByRole("article", { name: "Slow dolly-in on a lighthouse at dawn" }, LAZY);
    expect(within(detail).getByRole("heading", { level: 2, name: "Slow dolly-in on a lighthouse at dawn" })).toBeInTheDocument();

    const video = within(detail).getByLabelText("Take: Slow dolly-in on a lighthouse at dawn");
    // The review player's own transport, to the frame, stands in for the browser's controls.
    expect(video).toHaveAttribute("poster", "/media/posters/g1.jpg");
    expect(within(detail).getByRole("slider", { name: "Position" })).toHaveAttribute("aria-valuetext", "0.00 s (frame 0)");
    expect(within(detail).getByRole("button", { name: "Play" })).toBeInTheDocument();

    const params = within(detail).getByRole("region", { name: "Parameters" });
    const fact = (term: string) => within(params).getByText(term).nextElementSibling?.textContent;
    expect(fact("Model")).toBe("Gen-3 Alpha Turbo");
    expect(fact("Ratio")).toBe("9:16");
    expect(fact("Duration")).toBe("10 s");
    expect(fact("Seed")).toBe("1234");
    // Money, with the provider's credits on hover.
    expect(fact("Cost")).toBe("charged $0.125");
    expect(within(params).getByText("charged $0.125")).toHaveAttribute("title", "250,000 credits");
    expect(fact("Video")).toBe("1280×720 · 5.0 s · 1.3 MB");
    // g0 is gone (the fake answers 404): said in words, not linked to a 404.
    expect(await within(params).findByText("Made from a deleted take")).toBeInTheDocument();
    expect(within(params).queryByRole("link", { name: "g0" })).not.toBeInTheDocument();

    const timings = within(detail).getByRole("region", { name: "Timings" });
    expect(within(timings).getByText(/waited 4 s/)).toBeInTheDocument();
    expect(within(timings).getByText(/rendered in 41 s/)).toBeInTheDocument();
    expect(within(timings).getByText(/archived in 3 s/)).toBeInTheDocument();
    expect(within(timings).getByText("Total 48 s")).toBeInTheDocument();

    const frames = within(detail).getByRole("region", { name: "Input frames" });
    expect(within(frames).getByRole("img", { name: "First frame" })).toHaveAttribute("src", "/media/uploads/up_1.png");
    expect(within(frames).getByRole("img", { name: "Last frame" })).toHaveAttribute("src", "https://images.example.com/last.jpg");

    expect(screen.getByRole("link", { name: "Download" })).toHaveAttribute("href", "/media/videos/g1.mp4?download=1");
    expect(screen.getByRole("link", { name: "Download" })).toHaveAttribute("download", "2025-01-01-gen4_turbo-slow-dolly-in-42.mp4");
    expect(screen.getByRole("link", { name: "Handoff (.zip)" })).toHaveAttribute("href", "/api/generations/g1/handoff.zip");
    expect(screen.getByRole("button", { name: "Favourite" })).toHaveAttribute("aria-pressed", "false");
  });

  it("reviews the take beside its details: state, notes and family, each change kept on the page", async () => {
    const circled = { ...take, review: { state: "circled" as const, by: "ana", at: new Date().toISOString() } };
    const family = {
      takeId: "g1",
      rootId: "g0",
      truncated: false,
      members: [
        { id: "g0", parentId: null, how: null, take: makeCompleted({ id: "g0", prompt: "The first lighthouse" }), deleted: null },
        { id: "g1", parentId: "g0", how: "variation", take, deleted: null },
      ],
    };
    const { fetchMock, user } = renderTake({
      "GET /api/generations/:id/notes": () => json(200, { items: [] }),
      "GET /api/generations/:id/family": () => json(200, family),
      "PATCH /api/generations/:id": () => json(200, circled),
    });
    const familyTree = await screen.findByRole("region", { name: "Family" }, LAZY);
    expect(await within(familyTree).findByRole("link", { name: "The first lighthouse" })).toHaveAttribute("href", "/g/g0");
    expect(within(familyTree).getByText("new variation")).toBeInTheDocument();
    expect(screen.getByRole("region", { name: /Notes/ })).toBeInTheDocument();

    await user.click(screen.getByRole("radio", { name: "Circled" }));
    expect(await screen.findByText("Circled by ana, just now")).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "Circled" })).toBeChecked();
    expect(bodyOf(requestsTo(fetchMock, "PATCH", "/api/generations/g1")[0]?.init)).toEqual({ review: "circled" });
  });

  it("explains a failure, with the provider's words behind a disclosure, and offers Retry", async () => {
    const fetchMock = stubBff({
      "GET /api/generations/:id": () => json(200, makeFailed({ id: "g1", prompt: "Broken shot" })),
      "POST /api/generations/:id/rerun": () => json(201, makeTake({ id: "g2", prompt: "Broken shot", sourceId: "g1" })),
    });
    const { user } = renderWithProviders(<AppRoutes />, { route: "/g/g1" });
    const why = await screen.findByRole("region", { name: "Why it failed" }, LAZY);
    expect(within(why).getByText("Runway refused the image: it shows a real person.")).toBeInTheDocument();
    const detail = within(why).getByText('{"status":"failed","error":"content_moderation: person detected"}');
    expect(detail).not.toBeVisible();
    await user.click(within(why).getByText("Provider detail"));
    expect(detail).toBeVisible();
    expect(screen.queryByRole("link", { name: "Download" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Use last frame" })).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(requestsTo(fetchMock, "POST", "/api/generations/g1/rerun")).toHaveLength(1));
    expect(bodyOf(requestsTo(fetchMock, "POST", "/api/generations/g1/rerun")[0]?.init)).toEqual({ seed: "same" });
  });

  it("opens the re-run's new take, but not once the person has left for the gallery before it answered", async () => {
    let answer: (response: Response) => void = () => {};
    const { user } = renderTake({
      "POST /api/generations/:id/rerun": () => new Promise<Response>((resolve) => (answer = resolve)),
      "GET /api/generations": () => json(200, { items: [], nextCursor: null }),
      "GET /api/generations/:id": ({ params }) => json(200, params.id === "g2" ? makeTake({ id: "g2", prompt: "the re-run" }) : take),
    });
    await user.click(await screen.findByRole("button", { name: "Re-run exactly" }, LAZY));
    await user.click(screen.getByRole("link", { name: /All takes/ }));
    expect(await screen.findByRole("heading", { level: 2, name: "Takes" }, LAZY)).toBeInTheDocument();
    answer(json(201, makeTake({ id: "g2", prompt: "the re-run" })));
    // The answer lands on the gallery: it refreshes, and nobody is taken anywhere.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(screen.getByRole("heading", { level: 2, name: "Takes" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { level: 2, name: "the re-run" })).not.toBeInTheDocument();
  });

  it("says plainly when the take doesn't exist", async () => {
    renderTake({}, "/g/missing");
    expect(await screen.findByRole("heading", { name: "This take doesn't exist (or was deleted)" }, LAZY)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Back to all takes" })).toHaveAttribute("href", "/");
  });

  it("re-runs exactly and makes a new variation, then opens the new take", async () => {
    const created = { same: makeTake({ id: "g2", prompt: "Exact again", sourceId: "g1" }), new: makeTake({ id: "g3", prompt: "A variation", sourceId: "g1" }) };
    const { fetchMock, user } = renderTake({
      "POST /api/generations/:id/rerun": ({ init }) => json(201, created[(bodyOf(init) as { seed: "same" | "new" }).seed]),
      "GET /api/generations/:id": ({ params }) => json(200, params.id === "g1" ? take : params.id === "g2" ? created.same : created.new),
    });

    await user.click(await screen.findByRole("button", { name: "Re-run exactly" }, LAZY));
    expect(await screen.findByRole("heading", { level: 2, name: "Exact again" })).toBeInTheDocument();
    await user.click(await screen.findByRole("link", { name: "g1" }));
    await user.click(await screen.findByRole("button", { name: "New variation" }));
    expect(await screen.findByRole("heading", { level: 2, name: "A variation" })).toBeInTheDocument();

    expect(requestsTo(fetchMock, "POST", "/api/generations/g1/rerun").map((r) => bodyOf(r.init))).toEqual([{ seed: "same" }, { seed: "new" }]);
  });

  it("deletes the take after confirming, and returns to the gallery", async () => {
    const { fetchMock, user } = renderTake({ "DELETE /api/generations/:id": () => new Response(null, { status: 204 }) });
    await user.click(await screen.findByRole("button", { name: "Delete" }, LAZY));
    await user.click(within(screen.getByRole("dialog", { name: /Delete the take “Slow dolly-in/ })).getByRole("button", { name: "Delete take" }));
    expect(await screen.findByRole("region", { name: "Takes" })).toBeInTheDocument();
    expect(requestsTo(fetchMock, "DELETE", "/api/generations/g1")).toHaveLength(1);
  });

  it("offers no Delete on someone else's take, and says who made it", async () => {
    renderTake({
      "GET /api/session": () => json(200, makeSession("password", { name: "ben" })),
      "GET /api/generations/:id": () => json(200, { ...take, author: "ana" }),
    });
    const detail = await screen.findByRole("article", { name: "Slow dolly-in on a lighthouse at dawn" }, LAZY);
    expect(within(detail).getByText("By").nextElementSibling).toHaveTextContent("ana");
    expect(within(detail).getByRole("button", { name: "New variation" })).toBeInTheDocument();
    expect(within(detail).queryByRole("button", { name: "Delete" })).not.toBeInTheDocument();
  });

  it("loads every parameter into the form with the seed random, and offers the take's seed", async () => {
    const { user } = renderTake();
    await user.click(await screen.findByRole("button", { name: "Edit in form" }, LAZY));

    expect(await screen.findByRole("region", { name: "Takes" })).toBeInTheDocument();
    const form = screen.getByRole("form", { name: "New take" });
    expect(within(form).getByText(/Loaded the settings of “Slow dolly-in on a lighthouse at dawn”/)).toBeInTheDocument();
    expect(within(form).getByRole("combobox", { name: "Model" })).toHaveValue("gen3a_turbo");
    expect(within(form).getByRole("textbox", { name: /prompt/i })).toHaveValue("Slow dolly-in on a lighthouse at dawn");
    expect(within(form).getByRole("radio", { name: /^9:16/ })).toBeChecked();
    expect(within(form).getByRole("radio", { name: "10 s" })).toBeChecked();
    expect(await within(form).findByRole("img", { name: "First frame preview" })).toHaveAttribute("src", "/media/uploads/up_1.png");
    expect(await within(form).findByRole("img", { name: "Last frame preview" })).toHaveAttribute("src", "https://images.example.com/last.jpg");

    const seed = within(form).getByRole("textbox", { name: "Seed" });
    expect(seed).toHaveValue("");
    expect(within(form).getByText("Random seed")).toBeInTheDocument();
    await user.click(within(form).getByRole("button", { name: "Use this take's seed 1234" }));
    expect(seed).toHaveValue("1234");
    expect(within(form).getByText("Locked seed")).toBeInTheDocument();
    expect(within(form).queryByRole("button", { name: /Use this take's seed/ })).not.toBeInTheDocument();
  });

  it("continues the shot: Use last frame makes the final frame the form's first frame, keeping the rest", async () => {
    const lastFrame = makeUpload({ id: "up_last", url: "/media/uploads/up_last.png", width: 1280, height: 720 });
    const { fetchMock, user } = renderTake({ "POST /api/uploads/from-video": () => json(201, lastFrame) });
    const prompt = await screen.findByRole("textbox", { name: /prompt/i });
    await user.type(prompt, "The camera keeps rising");

    await user.click(await screen.findByRole("button", { name: "Use last frame" }, LAZY));
    expect(await screen.findByRole("region", { name: "Takes" })).toBeInTheDocument();
    expect(bodyOf(requestsTo(fetchMock, "POST", "/api/uploads/from-video")[0]?.init)).toEqual({ generationId: "g1" });
    const form = screen.getByRole("form", { name: "New take" });
    expect(await within(form).findByRole("img", { name: "First frame preview" })).toHaveAttribute("src", "/media/uploads/up_last.png");
    expect(within(form).getByRole("textbox", { name: /prompt/i })).toHaveValue("The camera keeps rising");
    expect(within(form).getByRole("combobox", { name: "Model" })).toHaveValue("gen4_turbo");
    // Served from the answer itself: no second request for the upload's record.
    expect(requestsTo(fetchMock, "GET", "/api/uploads/up_last")).toHaveLength(0);
  });
});
