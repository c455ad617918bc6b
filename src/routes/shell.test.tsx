import { afterEach, describe, expect, it, vi } from "vitest";
import { act, screen, waitFor, within } from "@testing-library/react";
import { AppRoutes } from "@/app";
import { apiError, headersOf, json, makeCompleted, makeTake, makeUpload, pngFile, requestsTo, stubBff } from "@/test/fake-bff";
import type { FakeHandler } from "@/test/fake-bff";
import type { Take } from "@/shared/take";
import { renderWithProviders } from "@/test/render";

const SIMULATOR_NOTE = "Running on the built-in simulator — no AI/ML API key is set; videos are local previews, not Runway output.";

function renderStudio(routes: Record<string, FakeHandler> = {}, route = "/") {
  const fetchMock = stubBff({
    "POST /api/uploads": () => json(201, makeUpload({ id: "up_1" })),
    "GET /api/uploads/:id": ({ params }) => json(200, makeUpload({ id: params.id ?? "" })),
    ...routes,
  });
  return { fetchMock, ...renderWithProviders(<AppRoutes />, { route }) };
}

async function chooseFirstFrame(user: ReturnType<typeof renderStudio>["user"]) {
  await user.upload(await screen.findByLabelText(/choose first frame file/i), pngFile("f.png"));
  await screen.findByRole("img", { name: "First frame preview" });
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  localStorage.clear();
  document.title = "Dailies";
});

describe("ShellRoute", () => {
  it("warns calmly when the BFF runs on the simulator", async () => {
    renderStudio({ "GET /api/health": () => json(200, { status: "ok", provider: "simulator" }) });
    expect(await screen.findByRole("note")).toHaveTextContent(SIMULATOR_NOTE);
    expect(screen.getByRole("heading", { level: 1, name: "Dailies" })).toBeInTheDocument();
  });

  it("shows no banner against the real API", async () => {
    renderStudio();
    await screen.findByText("No takes yet — what you make appears here.");
    await screen.findByRole("combobox", { name: "Model" });
    expect(screen.queryByRole("note")).not.toBeInTheDocument();
  });

  it("puts a new take in the gallery as soon as it is created", async () => {
    const stored: Take[] = [];
    const created = makeTake({ id: "fresh", status: "queued", prompt: "Fog rolls over the bay" });
    const { user } = renderStudio({
      "POST /api/generations/batch": () => {
        stored.unshift(created);
        return json(201, { items: [created] });
      },
      "GET /api/generations": () => json(200, { items: stored, nextCursor: null }),
      "GET /api/generations/:id": () => json(200, created),
    });
    await screen.findByText("No takes yet — what you make appears here.");

    await chooseFirstFrame(user);
    await user.type(screen.getByRole("textbox", { name: /prompt/i }), "Fog rolls over the bay");
    await user.click(screen.getByRole("button", { name: "Generate" }));

    const takes = screen.getByRole("region", { name: "Takes" });
    const card = await within(takes).findByRole("article");
    expect(within(card).getByRole("link", { name: "Fog rolls over the bay" })).toBeInTheDocument();
    expect(within(card).getByText("Queued")).toBeInTheDocument();
  });

  it("asks for 1 to 4 takes, explains their seeds, and sends one Idempotency-Key per attempt", async () => {
    const answers = [apiError(503, "upstream_unavailable", "Runway is not answering right now; try again in a minute.")];
    const batch = [makeTake({ id: "a" }), makeTake({ id: "b" }), makeTake({ id: "c" })];
    const { fetchMock, user } = renderStudio({
      "POST /api/generations/batch": () => answers.shift() ?? json(201, { items: batch }),
    });
    await chooseFirstFrame(user);

    const takes = screen.getByRole("group", { name: "Takes" });
    expect(within(takes).getByRole("radio", { name: "1" })).toBeChecked();
    await user.click(within(takes).getByRole("radio", { name: "3" }));
    expect(screen.getByText("Each of the 3 takes gets its own random seed.")).toBeInTheDocument();
    await user.type(screen.getByRole("textbox", { name: "Seed" }), "42");
    expect(screen.getByText("With the locked seed, the 3 takes use seeds 42, 43 and 44.")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Generate" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Runway is not answering right now");
    await user.click(screen.getByRole("button", { name: "Generate" }));
    expect(await screen.findByText("3 takes queued — they appear in the gallery as they render.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Generate" }));
    await waitFor(() => expect(requestsTo(fetchMock, "POST", "/api/generations/batch")).toHaveLength(3));

    const sent = requestsTo(fetchMock, "POST", "/api/generations/batch");
    expect(JSON.parse(String(sent[0]?.init?.body))).toMatchObject({ seed: 42, variations: 3 });
    const keys = sent.map((request) => headersOf(request.init)["idempotency-key"]);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]); // the same attempt, sent again after a 503
    expect(keys[2]).not.toBe(keys[0]); // a new submit
  });
});

describe("Knowing when a take is done", () => {
  it("polls running takes, counts them in the title, and announces a finish with a link", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const running = makeTake({ id: "g1", status: "generating", prompt: "Harbour at dawn", updatedAt: "2025-01-01T10:00:05.000Z" });
    const steps = [
      makeTake({ id: "g1", status: "finishing", prompt: "Harbour at dawn", updatedAt: "2025-01-01T10:00:40.000Z" }),
      makeCompleted({ id: "g1", prompt: "Harbour at dawn" }),
    ];
    const { fetchMock } = renderStudio({
      "GET /api/generations": () => json(200, { items: [running, makeCompleted({ id: "g0", prompt: "Old take" })], nextCursor: null }),
      "GET /api/generations/:id": () => json(200, steps.length > 1 ? steps.shift() : steps[0]),
    });
    const link = await screen.findByRole("link", { name: "Harbour at dawn" });
    const card = link.closest("article") as HTMLElement;
    await waitFor(() => expect(document.title).toBe("(1) Dailies"));
    const toasts = screen.getByRole("status", { name: "Notifications" });
    expect(toasts).toBeEmptyDOMElement();

    expect(await within(card).findByText("Finishing")).toBeInTheDocument();
    expect(toasts).toBeEmptyDOMElement();
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(await within(toasts).findByText(/Take finished: “Harbour at dawn”\./)).toBeInTheDocument();
    expect(within(toasts).getByRole("link", { name: "Open take" })).toHaveAttribute("href", "/g/g1");
    expect(within(card).getByText("Completed")).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe("Dailies"));

    const polls = requestsTo(fetchMock, "GET", "/api/generations/g1").length;
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(requestsTo(fetchMock, "GET", "/api/generations/g1")).toHaveLength(polls);
    expect(requestsTo(fetchMock, "GET", "/api/generations/g0")).toHaveLength(0);
    // The toast goes by itself.
    expect(toasts).toBeEmptyDOMElement();
  });

  it("announces a batch once, when its last take settles, not once per take", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const ids = ["b1", "b2", "b3", "b4"];
    const running = ids.map((id) => makeTake({ id, batchId: "b1", status: "generating", prompt: "Harbour at dawn", updatedAt: "2025-01-01T10:00:05.000Z" }));
    const polls: Record<string, number> = {};
    let b4Settles = false;
    renderStudio({
      "GET /api/generations": () => json(200, { items: running, nextCursor: null }),
      "GET /api/generations/:id": ({ params }) => {
        const id = params.id ?? "";
        polls[id] = (polls[id] ?? 0) + 1;
        // b4 is still running when the other three have finished; then it fails.
        if (id === "b4") {
          return json(
            200,
            !b4Settles
              ? running[3]
              : makeTake({ id, batchId: "b1", status: "failed", prompt: "Harbour at dawn", updatedAt: "2025-01-01T10:01:00.000Z", error: { code: "generation_failed", message: "Runway refused the image.", detail: null, retryable: false } }),
          );
        }
        return json(200, makeCompleted({ id, batchId: "b1", prompt: "Harbour at dawn" }));
      },
    });
    const group = await screen.findByRole("region", { name: "4 variations" });
    const toasts = screen.getByRole("status", { name: "Notifications" });
    await act(() => vi.advanceTimersByTimeAsync(2000));
    await waitFor(() => expect(within(group).getAllByText("Completed")).toHaveLength(3));
    expect(polls["b4"]).toBeGreaterThan(0);
    // Three of four finished: nothing to say yet.
    expect(toasts).toBeEmptyDOMElement();

    b4Settles = true;
    await act(() => vi.advanceTimersByTimeAsync(4000));
    expect(await within(toasts).findByText(/^3 finished, 1 failed: “Harbour at dawn”\. Runway refused the image\./)).toBeInTheDocument();
    expect(within(toasts).getByRole("link", { name: "Open the first" })).toHaveAttribute("href", "/g/b1");
    expect(within(toasts).getAllByRole("link")).toHaveLength(1);
    expect(within(toasts).queryByText(/Take finished/)).not.toBeInTheDocument();
  });

  it("announces a failure, and sends a browser notification only when opted in and hidden", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const shown: Array<{ title: string; body: string | undefined }> = [];
    const requestPermission = vi.fn(async () => {
      (Notification as unknown as { permission: string }).permission = "granted";
      return "granted" as const;
    });
    vi.stubGlobal(
      "Notification",
      Object.assign(
        class {
          onclick: (() => void) | null = null;
          constructor(title: string, options?: NotificationOptions) {
            shown.push({ title, body: options?.body });
          }
          close() {}
        },
        { permission: "default", requestPermission },
      ),
    );
    const steps = [makeTake({ id: "g1", status: "queued", prompt: "Harbour at dawn" })];
    const failed = makeTake({
      id: "g1",
      status: "failed",
      prompt: "Harbour at dawn",
      updatedAt: "2025-01-01T10:01:00.000Z",
      error: { code: "generation_failed", message: "Runway refused the image.", detail: null, retryable: false },
    });
    const { user } = renderStudio({
      "GET /api/generations": () => json(200, { items: steps, nextCursor: null }),
      "GET /api/generations/:id": () => json(200, steps.length > 0 ? steps[0] : failed),
    });
    const notify = await screen.findByRole("switch", { name: "Notifications" });
    expect(notify).toHaveAttribute("aria-checked", "false");
    expect(notify).toHaveTextContent("Notifications off");
    expect(requestPermission).not.toHaveBeenCalled();
    await user.click(notify);
    expect(requestPermission).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getByRole("switch", { name: "Notifications" })).toHaveAttribute("aria-checked", "true"));
    expect(screen.getByRole("switch", { name: "Notifications" })).toHaveTextContent("Notifications on");

    await screen.findByRole("article");
    vi.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
    steps.length = 0;
    await act(() => vi.advanceTimersByTimeAsync(2000));

    const toasts = screen.getByRole("status", { name: "Notifications" });
    expect(await within(toasts).findByText("Take failed: “Harbour at dawn”. Runway refused the image.")).toBeInTheDocument();
    expect(shown).toEqual([{ title: "Take failed", body: "Harbour at dawn" }]);
  });
});
