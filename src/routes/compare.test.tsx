import { afterEach, describe, expect, it, vi } from "vitest";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AppRoutes } from "@/app";
import { apiError, callsTo, json, makeCompletedOfLength, makeFailed, makeTake, stubBff } from "@/test/fake-bff";
import { renderWithProviders } from "@/test/render";
import type { Take } from "@/shared/take";

const TAKES: Record<string, Take> = {
  a: makeCompletedOfLength("a", 10, { prompt: "A harbour at dawn" }),
  b: makeCompletedOfLength("b", 5, { prompt: "A harbour at dusk" }),
  c: makeCompletedOfLength("c", 5, { prompt: "A harbour at noon" }),
  d: makeCompletedOfLength("d", 5, { prompt: "A harbour at night" }),
  e: makeCompletedOfLength("e", 5, { prompt: "A harbour in rain" }),
  running: makeTake({ id: "running", status: "generating", prompt: "Still rendering" }),
  failed: makeFailed({ id: "failed", prompt: "Refused" }),
};

function openCompare(ids: string, respond?: (id: string) => Response) {
  const fetchMock = stubBff({
    "GET /api/generations/:id": ({ params }) => {
      const id = params.id ?? "";
      if (respond) return respond(id);
      const take = TAKES[id];
      return take ? json(200, take) : apiError(404, "not_found", "No such take.");
    },
  });
  const asked = () => fetchMock.mock.calls.filter(([input]) => String(input).startsWith("/api/generations/"));
  return { asked, ...renderWithProviders(<AppRoutes />, { route: `/compare?ids=${ids}` }) };
}

// The page is a lazy chunk: its first render can take a moment in a busy test run.
const LAZY = { timeout: 5000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("Compare (/compare?ids=…)", () => {
  it("plays two to four takes side by side", async () => {
    openCompare("a,b,c,d");
    expect(await screen.findByRole("heading", { name: "Compare takes" }, LAZY)).toBeInTheDocument();
    expect(await screen.findByLabelText("Take 4: A harbour at night")).toBeInTheDocument();
    expect(screen.getAllByLabelText(/^Take \d: /, { selector: "video" })).toHaveLength(4);
    expect(screen.getByRole("button", { name: "Play" })).toBeInTheDocument();
    expect(screen.getByText(/frame 0 of 0–239/)).toBeInTheDocument();
  });

  it.each([
    ["", "This address names no takes"],
    ["a", "Compare needs at least 2 takes; this address names only one"],
    ["a,b,c,d,e", "Compare shows at most 4 takes at once; this address names 5. Remove 1."],
    ["a,b,a", "The take “a” is named twice"],
  ])("says what to change for ids=%j, asking nothing of the server", async (ids, message) => {
    const { asked } = openCompare(ids);
    expect(await screen.findByRole("alert", {}, LAZY)).toHaveTextContent(message);
    expect(asked()).toEqual([]);
    expect(screen.queryByRole("button", { name: "Play" })).not.toBeInTheDocument();
  });

  it("names an unknown take, a failed one and one still being made", async () => {
    openCompare("a,missing,failed,running");
    const alert = await screen.findByRole("alert", {}, LAZY);
    expect(alert).toHaveTextContent("No take has the id “missing”: it may have been deleted.");
    expect(alert).toHaveTextContent("“Refused” (failed) failed, so it has no video to compare.");
    expect(alert).toHaveTextContent("“Still rendering” (running) is still being made; it joins the comparison when it has finished.");
    expect(screen.queryByRole("button", { name: "Try again" })).not.toBeInTheDocument();
  });

  it("offers Try again when the server could not answer", async () => {
    let down = true;
    const { user } = openCompare("a,b", (id) => (down && id === "b" ? apiError(502, "upstream_unavailable", "The studio is restarting.") : json(200, TAKES[id])));
    const alert = await screen.findByRole("alert", {}, LAZY);
    expect(alert).toHaveTextContent("Couldn't load the take “b”: The studio is restarting.");
    down = false;
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByLabelText("Take 2: A harbour at dusk")).toBeInTheDocument();
  });

  it("sets the focused take's review state, favourite and a note at the shared frame from the keys of review mode", async () => {
    const noteOnA = { id: "n0", takeId: "a", atSeconds: 1.25, x: null, y: null, text: "hold on the sail", author: "ben", createdAt: TAKES.a!.createdAt, updatedAt: TAKES.a!.createdAt };
    const fetchMock = stubBff({
      "GET /api/generations/:id": ({ params }) => json(200, TAKES[params.id ?? ""]),
      "GET /api/generations/:id/notes": ({ params }) => json(200, { items: params.id === "a" ? [noteOnA] : [] }),
      "PATCH /api/generations/:id": ({ params, init }) => {
        const body = JSON.parse(String(init?.body)) as Partial<Take> & { review?: Take["review"]["state"] };
        const take = TAKES[params.id ?? ""]!;
        return json(200, { ...take, ...(body.review ? { review: { state: body.review, by: "ana", at: take.createdAt } } : {}), ...(body.favourite === undefined ? {} : { favourite: body.favourite }) });
      },
      "POST /api/generations/:id/notes": ({ params, init }) => {
        const body = JSON.parse(String(init?.body)) as { atSeconds: number; text: string };
        return json(201, { id: "n1", takeId: params.id, atSeconds: body.atSeconds, x: null, y: null, text: body.text, author: "ana", createdAt: TAKES.a!.createdAt, updatedAt: TAKES.a!.createdAt });
      },
    });
    renderWithProviders(<AppRoutes />, { route: "/compare?ids=a,b" });
    const user = userEvent.setup();
    await screen.findByLabelText("Take 2: A harbour at dusk", {}, LAZY);
    // Notes travel with the take into compare.
    expect(await screen.findByRole("list", { name: "Notes on this take" })).toHaveTextContent("1.25 s (frame 30) · hold on the sail (ben)");
    await user.keyboard("2c");
    expect(callsTo(fetchMock, "PATCH", "/api/generations/b").map((body) => JSON.parse(String(body)))).toEqual([{ review: "circled" }]);
    await user.keyboard("f");
    expect(callsTo(fetchMock, "PATCH", "/api/generations/b").map((body) => JSON.parse(String(body)))).toEqual([{ review: "circled" }, { favourite: true }]);
    await user.keyboard("1x");
    expect(callsTo(fetchMock, "PATCH", "/api/generations/a").map((body) => JSON.parse(String(body)))).toEqual([{ review: "rejected" }]);
    await user.keyboard("2n");
    const box = await screen.findByRole("textbox", { name: /Note at 0\.00 s \(frame 0\)/ });
    // Typing in the note box is text, not keys: "c" here circles nothing.
    await user.type(box, "cut earlier{Enter}");
    expect(callsTo(fetchMock, "POST", "/api/generations/b/notes").map((body) => JSON.parse(String(body)))).toEqual([{ atSeconds: 0, text: "cut earlier" }]);
    expect(callsTo(fetchMock, "PATCH", "/api/generations/b")).toHaveLength(2);
    expect(await screen.findByText("Note added at 0.00 s (frame 0).")).toBeInTheDocument();
  });
});
