import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import { MODEL_LIST } from "@/shared/models";
import { apiError, callsTo, json, makeEstimate, makeTake, makeUpload, pngFile, requestsTo, stubBff } from "@/test/fake-bff";
import type { FakeHandler } from "@/test/fake-bff";
import { renderWithProviders } from "@/test/render";
import { TakePanel } from "./take-panel";

const png = () => pngFile("frame.png");
const uploaded = (id: string): FakeHandler => () => json(201, makeUpload({ id }));

async function renderForm(routes: Record<string, FakeHandler> = {}) {
  const fetchMock = stubBff({
    "POST /api/uploads": uploaded("up_1"),
    "POST /api/generations/batch": () => json(201, { items: [makeTake()] }),
    ...routes,
  });
  const onCreated = vi.fn();
  const view = renderWithProviders(<TakePanel onCreated={onCreated} />);
  await screen.findByRole("combobox", { name: "Model" });
  return { ...view, fetchMock, onCreated };
}

const ratioNames = () => within(screen.getByRole("group", { name: "Aspect ratio" })).getAllByRole("radio").map((r) => (r as HTMLInputElement).value);
const sentBodies = (fetchMock: ReturnType<typeof stubBff>) => callsTo(fetchMock, "POST", "/api/generations/batch").map((b) => JSON.parse(String(b)));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("TakeForm", () => {
  it("builds its choices from /api/models and adapts them when the model changes", async () => {
    const { user } = await renderForm();
    const model = screen.getByRole("combobox", { name: "Model" });
    expect(within(model).getAllByRole("option").map((o) => o.textContent)).toEqual(["Gen-4 Turbo", "Gen-3 Alpha Turbo"]);
    expect(screen.getByText(/six ratios, first frame only/)).toBeInTheDocument();
    expect(ratioNames()).toEqual(["16:9", "9:16", "4:3", "3:4", "1:1", "21:9"]);
    expect(screen.queryByRole("group", { name: /last frame/i })).not.toBeInTheDocument();
    expect(screen.getByLabelText(/prompt/i, { selector: "textarea" })).toBeInTheDocument();
    expect(screen.getByText("(optional)")).toBeInTheDocument();

    await user.click(screen.getByRole("radio", { name: /1:1/ }));
    await user.selectOptions(model, "gen3a_turbo");

    expect(ratioNames()).toEqual(["16:9", "9:16"]);
    expect(screen.getByRole("radio", { name: /16:9/ })).toBeChecked();
    expect(screen.getByRole("group", { name: /last frame/i })).toBeInTheDocument();
    expect(screen.getByText("(required)")).toBeInTheDocument();

    await user.selectOptions(model, "gen4_turbo");
    expect(screen.queryByRole("group", { name: /last frame/i })).not.toBeInTheDocument();
  });

  it("counts the prompt in UTF-16 units and flags a prompt over 1000", async () => {
    const { user } = await renderForm();
    const prompt = screen.getByRole("textbox", { name: /prompt/i });
    expect(screen.getByText("0 / 1000")).toBeInTheDocument();

    await user.type(prompt, "🎬");
    expect(screen.getByText("2 / 1000")).toBeInTheDocument();

    await user.clear(prompt);
    await user.click(prompt);
    await user.paste("a".repeat(1001));
    expect(screen.getByText(/1001 \/ 1000/)).toHaveTextContent("1001 / 1000 · 1 over the limit");
    expect(prompt).toHaveAttribute("aria-invalid", "true");
  });

  it("keeps the seed random when empty and locks it after Randomize", async () => {
    const { user, fetchMock } = await renderForm();
    const seed = screen.getByRole("textbox", { name: "Seed" });
    expect(seed).toHaveValue("");
    expect(screen.getByText("Random seed")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Randomize" }));
    const value = (seed as HTMLInputElement).value;
    expect(value).toMatch(/^\d+$/);
    expect(Number(value)).toBeLessThanOrEqual(4_294_967_295);
    expect(screen.getByText("Locked seed")).toBeInTheDocument();

    await user.clear(seed);
    expect(screen.getByText("Random seed")).toBeInTheDocument();

    await user.upload(screen.getByLabelText(/choose first frame file/i), png());
    await screen.findByText("1920×1080 · 1.78:1");
    await user.click(screen.getByRole("button", { name: "Generate" }));
    await waitFor(() => expect(sentBodies(fetchMock)).toHaveLength(1));
    expect(sentBodies(fetchMock)[0]).not.toHaveProperty("seed");
  });

  it("sends the exact body for Gen-4 Turbo with an uploaded first frame", async () => {
    const { user, fetchMock, onCreated } = await renderForm();

    await user.upload(screen.getByLabelText(/choose first frame file/i), png());
    expect(await screen.findByRole("img", { name: "First frame preview" })).toHaveAttribute("src", "/media/uploads/up_1.png");
    expect(screen.getByText("1920×1080 · 1.78:1")).toBeInTheDocument();
    const uploadBody = callsTo(fetchMock, "POST", "/api/uploads")[0];
    expect(uploadBody).toBeInstanceOf(FormData);
    expect(((uploadBody as FormData).get("file") as File).name).toBe("frame.png");

    await user.type(screen.getByRole("textbox", { name: /prompt/i }), "  Slow dolly-in  ");
    await user.click(screen.getByRole("radio", { name: /21:9/ }));
    await user.click(screen.getByRole("button", { name: "Generate" }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(sentBodies(fetchMock)).toEqual([
      { model: "gen4_turbo", prompt: "Slow dolly-in", image: { uploadId: "up_1" }, ratio: "21:9", duration: 5, variations: 1 },
    ]);
    expect(await screen.findByText(/take queued/i)).toBeInTheDocument();
  });

  it("sends the exact body for Gen-3 Alpha Turbo with a URL, a last frame, 10 s and a seed", async () => {
    const { user, fetchMock } = await renderForm({ "POST /api/uploads": uploaded("up_last") });

    await user.selectOptions(screen.getByRole("combobox", { name: "Model" }), "gen3a_turbo");
    const first = screen.getByRole("group", { name: "First frame" });
    await user.click(within(first).getByRole("radio", { name: "Paste URL" }));
    await user.type(within(first).getByRole("textbox", { name: "First frame address" }), "https://images.example.com/a.jpg");

    const last = screen.getByRole("group", { name: /last frame/i });
    await user.upload(within(last).getByLabelText(/choose last frame file/i), png());
    await within(last).findByText("1920×1080 · 1.78:1");

    await user.type(screen.getByRole("textbox", { name: /prompt/i }), "Waves roll in");
    await user.click(screen.getByRole("radio", { name: /9:16/ }));
    await user.click(screen.getByRole("radio", { name: "10 s" }));
    await user.type(screen.getByRole("textbox", { name: "Seed" }), "42");
    await user.click(screen.getByRole("button", { name: "Generate" }));

    await waitFor(() => expect(sentBodies(fetchMock)).toHaveLength(1));
    expect(sentBodies(fetchMock)[0]).toEqual({
      model: "gen3a_turbo",
      prompt: "Waves roll in",
      image: { url: "https://images.example.com/a.jpg" },
      lastImage: { uploadId: "up_last" },
      ratio: "9:16",
      duration: 10,
      seed: 42,
      variations: 1,
    });
  });

  it("removes an optional last frame", async () => {
    const { user } = await renderForm();
    await user.selectOptions(screen.getByRole("combobox", { name: "Model" }), "gen3a_turbo");
    const last = screen.getByRole("group", { name: /last frame/i });
    await user.upload(within(last).getByLabelText(/choose last frame file/i), png());
    await within(last).findByRole("img", { name: "Last frame preview" });

    await user.click(within(last).getByRole("button", { name: "Remove last frame" }));
    expect(within(last).queryByRole("img")).not.toBeInTheDocument();
  });

  it("blocks submission without a first frame and names the field", async () => {
    const { user, fetchMock } = await renderForm();
    await user.click(screen.getByRole("button", { name: "Generate" }));
    expect(await screen.findByText(/add a first frame/i)).toBeInTheDocument();
    expect(callsTo(fetchMock, "POST", "/api/generations/batch")).toHaveLength(0);
  });

  it("shows the server's field errors at their fields and other errors above the button", async () => {
    const responses = [
      apiError(422, "validation_failed", "Some fields need a change.", {
        prompt: "Describe the shot without naming real people.",
        "image.url": "That address answered 404; use another image.",
      }),
      apiError(503, "upstream_unavailable", "Runway is not answering right now; try again in a minute."),
    ];
    const { user } = await renderForm({ "POST /api/generations/batch": () => responses.shift() ?? json(500, {}) });
    const first = screen.getByRole("group", { name: "First frame" });
    await user.click(within(first).getByRole("radio", { name: "Paste URL" }));
    await user.type(within(first).getByRole("textbox", { name: "First frame address" }), "https://images.example.com/a.jpg");
    await user.type(screen.getByRole("textbox", { name: /prompt/i }), "A famous actor waves");

    await user.click(screen.getByRole("button", { name: "Generate" }));
    const prompt = screen.getByRole("textbox", { name: /prompt/i });
    expect(await screen.findByText("Describe the shot without naming real people.")).toBeInTheDocument();
    expect(prompt).toHaveAttribute("aria-invalid", "true");
    expect(prompt).toHaveAccessibleDescription(/Describe the shot without naming real people\./);
    expect(within(first).getByText("That address answered 404; use another image.")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Generate" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Runway is not answering right now; try again in a minute.");
  });

  it("disables Generate while submitting and sends one request for a double click", async () => {
    let release: (response: Response) => void = () => {};
    const { user, fetchMock } = await renderForm({
      "POST /api/generations/batch": () => new Promise<Response>((resolve) => (release = resolve)),
    });
    await user.upload(screen.getByLabelText(/choose first frame file/i), png());
    await screen.findByText("1920×1080 · 1.78:1");

    await user.dblClick(screen.getByRole("button", { name: "Generate" }));
    const busy = await screen.findByRole("button", { name: "Submitting…" });
    expect(busy).toBeDisabled();
    await user.click(busy);

    release(json(201, { items: [makeTake()] }));
    expect(await screen.findByRole("button", { name: "Generate" })).toBeEnabled();
    expect(callsTo(fetchMock, "POST", "/api/generations/batch")).toHaveLength(1);
  });

  it("explains an http:// address as soon as it is typed", async () => {
    const { user } = await renderForm();
    const first = screen.getByRole("group", { name: "First frame" });
    await user.click(within(first).getByRole("radio", { name: "Paste URL" }));
    const address = within(first).getByRole("textbox", { name: "First frame address" });
    await user.type(address, "http://images.example.com/a.jpg");

    expect(within(first).getByText(/use an https:\/\/ address/i)).toBeInTheDocument();
    expect(address).toHaveAttribute("aria-invalid", "true");
    expect(address).toHaveAccessibleDescription(/use an https:\/\/ address/i);
  });

  it("shows the server's upload error at the frame", async () => {
    const { user } = await renderForm({
      "POST /api/uploads": () => apiError(415, "unsupported_image", "This file is not a JPEG, PNG or WebP image."),
    });
    const first = screen.getByRole("group", { name: "First frame" });
    await user.upload(within(first).getByLabelText(/choose first frame file/i), png());
    expect(await within(first).findByText("This file is not a JPEG, PNG or WebP image.")).toBeInTheDocument();
  });

  it("says what the submit is expected to cost, and follows the model, duration and takes", async () => {
    const fetchMock = stubBff({
      "GET /api/usage/estimate": ({ url }) => {
        const model = url.searchParams.get("model");
        const variations = Number(url.searchParams.get("variations"));
        if (model === "gen3a_turbo") return json(200, makeEstimate());
        if (url.searchParams.get("duration") === "10") return json(200, makeEstimate({ perTake: 400_000, total: 400_000 * variations, basis: "price_table" }));
        return json(200, makeEstimate({ perTake: 250_000, total: 250_000 * variations, basis: "learned", sampleSize: 12 }));
      },
    });
    const { user } = renderWithProviders(<TakePanel />);
    const cost = await screen.findByRole("status", { name: "Cost estimate" });
    await waitFor(() => expect(cost).toHaveTextContent("Expected: about 250,000 tokens (typical of the last 12 Gen-4 Turbo 5 s takes)"));

    await user.click(within(screen.getByRole("group", { name: "Takes" })).getByRole("radio", { name: "2" }));
    await waitFor(() => expect(cost).toHaveTextContent("Expected: about 500,000 tokens (2 takes × 250,000, typical of the last 12 Gen-4 Turbo 5 s takes)"));

    await user.click(within(screen.getByRole("group", { name: "Duration" })).getByRole("radio", { name: "10 s" }));
    await waitFor(() => expect(cost).toHaveTextContent("Expected: about 800,000 tokens (2 takes × 400,000, from the studio's price table)"));

    await user.selectOptions(screen.getByRole("combobox", { name: "Model" }), "gen3a_turbo");
    await waitFor(() => expect(cost).toHaveTextContent(/^No cost estimate yet$/));
    const asked = requestsTo(fetchMock, "GET", "/api/usage/estimate").map(({ url }) => Object.fromEntries(url.searchParams));
    expect(asked.at(-1)).toEqual({ model: "gen3a_turbo", duration: "10", variations: "2" });
  });

  it("says the expected cost in money, from the catalogue or what takes like it were charged, and the budget left", async () => {
    stubBff({
      "GET /api/usage/estimate": ({ url }) => {
        const variations = Number(url.searchParams.get("variations"));
        const budget = { user: { limitUsd: 1, spentUsd: 0.875, leftUsd: 0.125 }, studio: { limitUsd: 50, spentUsd: 10, leftUsd: 40 } };
        return json(200, makeEstimate({ perTake: 250_000, total: 250_000 * variations, basis: "learned", sampleSize: 3, perTakeUsd: 0.125, totalUsd: 0.125 * variations, usdBasis: variations > 1 ? "learned" : "catalogue", budget }));
      },
    });
    const { user } = renderWithProviders(<TakePanel />);
    const cost = await screen.findByRole("status", { name: "Cost estimate" });
    await waitFor(() => expect(cost).toHaveTextContent(/^Expected: \$0.125 \(the AI\/ML API's price for Gen-4 Turbo 5 s\)$/));
    await user.click(within(screen.getByRole("group", { name: "Takes" })).getByRole("radio", { name: "3" }));
    await waitFor(() => expect(cost).toHaveTextContent("Expected: about $0.375 (3 takes × $0.125, typical of recent Gen-4 Turbo 5 s takes)"));
    expect(screen.getByText("Budget left this month: $0.125 of $1.00 for you · $40.00 of $50.00 for the studio")).toBeInTheDocument();
  });

  it("says why a model can't be used now, and marks it in the list", async () => {
    const reason = "Gen-3 Alpha Turbo was retired by Runway (the AI/ML API refused it as no longer available); takes made with it stay in the gallery. Choose another model.";
    stubBff({
      "GET /api/models": () =>
        json(200, {
          models: MODEL_LIST.map((model) => ({
            ...model,
            availability: model.id === "gen3a_turbo" ? { state: "unavailable", since: "2026-12-01T00:00:00.000Z", reason } : { state: "available", since: null, reason: null },
          })),
        }),
    });
    const { user } = renderWithProviders(<TakePanel />);
    const select = await screen.findByRole("combobox", { name: "Model" });
    expect(within(select).getByRole("option", { name: "Gen-3 Alpha Turbo (unavailable)" })).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    await user.selectOptions(select, "gen3a_turbo");
    expect(await screen.findByRole("alert")).toHaveTextContent(reason);
  });

  it("shows a spend limit above the button and keeps the form filled", async () => {
    const limit = "You have 3 takes running; the most one person may run at once is 3. Submit again when one of them finishes.";
    const { user } = await renderForm({ "POST /api/generations/batch": () => apiError(429, "limit_reached", limit) });
    await user.upload(screen.getByLabelText(/choose first frame file/i), png());
    await screen.findByText("1920×1080 · 1.78:1");
    await user.type(screen.getByRole("textbox", { name: /prompt/i }), "Fog rolls over the bay");

    await user.click(screen.getByRole("button", { name: "Generate" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(limit);
    expect(screen.getByRole("textbox", { name: /prompt/i })).toHaveValue("Fog rolls over the bay");
    expect(screen.getByRole("img", { name: "First frame preview" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Generate" })).toBeEnabled();
  });
});
