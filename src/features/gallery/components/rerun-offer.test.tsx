import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import { MODEL_LIST, type ModelAvailability, type ModelId } from "@/shared/models";
import { apiError, json, makeCompleted, makeFailed, makeTake, requestsTo, stubBff } from "@/test/fake-bff";
import { renderWithProviders } from "@/test/render";
import { TakeReuseActions } from "./take-actions";
import { TakeCard } from "./take-card";

const RETIRED = "Gen-3 Alpha Turbo was retired by Runway (the AI/ML API refused it as no longer available); takes made with it stay in the gallery. Choose another model.";
const gone = (reason: string): ModelAvailability => ({ state: "unavailable", since: "2026-12-01T09:00:00.000Z", reason });

/** `GET /api/models` with the given models unavailable, the rest available. */
function modelsWith(unavailable: Partial<Record<ModelId, ModelAvailability>>) {
  return () => json(200, { models: MODEL_LIST.map((model) => ({ ...model, availability: unavailable[model.id] ?? { state: "available", since: null, reason: null } })) });
}

const bodyOf = (init: RequestInit | undefined) => JSON.parse(String(init?.body)) as unknown;
const handlers = { onEdit: vi.fn(), onUseLastFrame: vi.fn(), onCreated: vi.fn() };

// A take of the retired model, with what Gen-4 Turbo can't do: a last frame.
const oldTake = makeCompleted({ id: "g1", model: "gen3a_turbo", ratio: "9:16", duration: 10, lastImage: { url: "https://images.example.com/last.jpg", uploadId: null } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("re-running a take of a model that is gone", () => {
  it("offers the closest available model, says what changes before sending, and sends the re-run with it", async () => {
    const fetchMock = stubBff({
      "GET /api/models": modelsWith({ gen3a_turbo: gone(RETIRED) }),
      "POST /api/generations/:id/rerun": () => json(201, makeTake({ id: "g2", sourceId: "g1" })),
    });
    const { user } = renderWithProviders(<TakeReuseActions take={oldTake} {...handlers} />);

    const rerun = await screen.findByRole("button", { name: "Re-run with Gen-4 Turbo" });
    const changes = "Re-run with Gen-4 Turbo: the last frame is dropped (Gen-4 Turbo has no last frame); ratio 9:16 kept; 10 s kept.";
    expect(screen.getByText(RETIRED)).toBeInTheDocument();
    expect(screen.getByText(changes)).toBeInTheDocument();
    expect(rerun).toHaveAccessibleDescription(`${RETIRED} ${changes}`);
    expect(screen.queryByRole("button", { name: "Re-run exactly" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Edit in form" })).toBeInTheDocument();
    expect(requestsTo(fetchMock, "POST", "/api/generations/g1/rerun")).toHaveLength(0);

    await user.click(rerun);
    await waitFor(() => expect(handlers.onCreated).toHaveBeenCalledOnce());
    await user.click(screen.getByRole("button", { name: "New variation with Gen-4 Turbo" }));
    await waitFor(() => expect(requestsTo(fetchMock, "POST", "/api/generations/g1/rerun")).toHaveLength(2));
    expect(requestsTo(fetchMock, "POST", "/api/generations/g1/rerun").map((r) => bodyOf(r.init))).toEqual([
      { seed: "same", model: "gen4_turbo" },
      { seed: "new", model: "gen4_turbo" },
    ]);
  });

  it("says when no available model can take it, and offers nothing that would fail", async () => {
    // Only Gen-3 Alpha Turbo is enabled, and it needs a prompt this take of Gen-4 Turbo doesn't have.
    const take = makeCompleted({ id: "g1", model: "gen4_turbo", prompt: "", ratio: "1:1" });
    stubBff({ "GET /api/models": modelsWith({ gen4_turbo: gone("Gen-4 Turbo is not enabled in this studio (MODELS_ENABLED). Choose another model.") }) });
    renderWithProviders(<TakeReuseActions take={take} {...handlers} />);

    expect(
      await screen.findByText("No available model can make this take again. Gen-3 Alpha Turbo needs a prompt and this take has none. Edit it in the form to choose other settings."),
    ).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Re-run|New variation|Retry/ })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Edit in form" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Use last frame" })).toBeInTheDocument();
  });

  it("says which ratio a model without the take's ratio uses instead", async () => {
    const take = makeCompleted({ id: "g1", model: "gen4_turbo", ratio: "4:3", duration: 5 });
    stubBff({ "GET /api/models": modelsWith({ gen4_turbo: gone("Gen-4 Turbo is not enabled in this studio (MODELS_ENABLED). Choose another model.") }) });
    renderWithProviders(<TakeReuseActions take={take} {...handlers} />);
    expect(
      await screen.findByText("Re-run with Gen-3 Alpha Turbo: ratio 4:3 becomes 16:9 (the closest Gen-3 Alpha Turbo has); 5 s kept."),
    ).toBeInTheDocument();
  });

  it("re-reads the models when a re-run finds the model gone, then offers the closest one", async () => {
    let retired = false;
    const fetchMock = stubBff({
      "GET /api/models": () => modelsWith(retired ? { gen3a_turbo: gone(RETIRED) } : {})(),
      "POST /api/generations/:id/rerun": () => {
        retired = true;
        return apiError(409, "model_unavailable", RETIRED, { model: RETIRED });
      },
    });
    const { user } = renderWithProviders(<TakeReuseActions take={oldTake} {...handlers} />);
    await user.click(await screen.findByRole("button", { name: "Re-run exactly" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(RETIRED);
    expect(await screen.findByRole("button", { name: "Re-run with Gen-4 Turbo" })).toBeInTheDocument();
    expect(requestsTo(fetchMock, "GET", "/api/models")).toHaveLength(2);
  });
});

describe("Retry on a card, for a take of a model that is gone", () => {
  it("retries with the closest model, its changes said on the card", async () => {
    const failed = makeFailed({ id: "g1", model: "gen3a_turbo", ratio: "16:9", duration: 5 }, { code: "model_unavailable", message: RETIRED, detail: null, retryable: false });
    const fetchMock = stubBff({
      "GET /api/models": modelsWith({ gen3a_turbo: gone(RETIRED) }),
      "POST /api/generations/:id/rerun": () => json(201, makeTake({ id: "g2", sourceId: "g1" })),
    });
    const { user } = renderWithProviders(<TakeCard item={failed} />);
    const card = screen.getByRole("article", { name: "Gen-3 Alpha Turbo take, failed" });
    const retry = await within(card).findByRole("button", { name: "Retry with Gen-4 Turbo" });
    expect(retry).toHaveAccessibleDescription("Ratio 16:9 kept; 5 s kept.");
    await user.click(retry);
    await waitFor(() => expect(requestsTo(fetchMock, "POST", "/api/generations/g1/rerun")).toHaveLength(1));
    expect(bodyOf(requestsTo(fetchMock, "POST", "/api/generations/g1/rerun")[0]?.init)).toEqual({ seed: "same", model: "gen4_turbo" });
  });

  it("keeps Retry as it was while the model is available", async () => {
    stubBff();
    renderWithProviders(<TakeCard item={makeFailed({ id: "g1", model: "gen3a_turbo" })} />);
    expect(await screen.findByRole("button", { name: "Retry" })).not.toHaveAccessibleDescription();
  });
});
