import { afterEach, describe, expect, it, vi } from "vitest";
import { act, screen, waitFor, within } from "@testing-library/react";
import { useLocation } from "react-router";
import { apiError, json, makeCompleted, makeFailed, makeTake, requestsTo, stubBff } from "@/test/fake-bff";
import type { Take } from "@/shared/take";
import { renderWithProviders } from "@/test/render";
import { Gallery } from "./gallery";
import type { Viewer } from "../utils/viewer";

const list = (items: Take[], nextCursor: string | null = null) => () => json(200, { items, nextCursor });

/** Shows the address the router is at, so a test can read what the filters wrote. */
function CurrentSearch() {
  return <output aria-label="Current address">{useLocation().search}</output>;
}

function renderGallery(route = "/", viewer?: Viewer) {
  return renderWithProviders(
    <>
      <Gallery viewer={viewer} />
      <CurrentSearch />
    </>,
    { route },
  );
}

/** The part of IntersectionObserver the gallery uses; `reveal()` scrolls the sentinel into view. */
class FakeIntersectionObserver {
  static last: FakeIntersectionObserver | null = null;
  readonly callback: IntersectionObserverCallback;
  targets: Element[] = [];
  constructor(callback: IntersectionObserverCallback) {
    this.callback = callback;
    FakeIntersectionObserver.last = this;
  }
  observe(target: Element) {
    this.targets.push(target);
  }
  disconnect() {
    this.targets = [];
  }
  reveal() {
    const entries = this.targets.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry);
    this.callback(entries, this as unknown as IntersectionObserver);
  }
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  FakeIntersectionObserver.last = null;
});

describe("Gallery", () => {
  it("says so when there are no takes yet", async () => {
    stubBff();
    renderGallery();
    expect(screen.getByRole("status", { name: "Loading takes" })).toBeInTheDocument();
    expect(await screen.findByText("No takes yet — what you make appears here.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Clear filters" })).not.toBeInTheDocument();
  });

  it("tells an empty filter result apart from an empty studio, and clears the filters", async () => {
    const fetchMock = stubBff({
      "GET /api/generations": ({ url }) =>
        url.searchParams.has("status") ? list([])() : list([makeCompleted({ id: "a", prompt: "Harbour at dawn" })])(),
    });
    const { user } = renderGallery("/?status=failed");
    expect(await screen.findByText(/No takes match these filters/)).toBeInTheDocument();
    expect(screen.queryByText(/No takes yet/)).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    expect(await screen.findByRole("link", { name: "Harbour at dawn" })).toBeInTheDocument();
    expect(screen.getByRole("status", { name: "Current address" })).toHaveTextContent(/^$/);
    expect(requestsTo(fetchMock, "GET", "/api/generations").at(-1)?.url.search).toBe("?limit=24");
  });

  it("shows the list error inline", async () => {
    stubBff({ "GET /api/generations": () => apiError(503, "internal_error", "The gallery store is not answering.") });
    renderGallery();
    expect(await screen.findByRole("alert")).toHaveTextContent("The gallery store is not answering.");
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });

  it("renders queued, generating, finishing, completed and failed takes", async () => {
    stubBff({
      "GET /api/generations": list([
        makeTake({ id: "g5", status: "queued", prompt: "Queued shot" }),
        makeTake({ id: "g4", status: "generating", prompt: "Running shot", seed: null }),
        makeTake({ id: "g3", status: "finishing", prompt: "Saving shot" }),
        makeCompleted({ id: "g2", prompt: "Finished shot", ratio: "9:16", favourite: true }),
        makeFailed({ id: "g1", prompt: "Broken shot" }),
      ]),
    });
    renderGallery();

    const cards = await screen.findAllByRole("article");
    expect(cards).toHaveLength(5);
    const [queued, generating, finishing, completed, failed] = cards as [HTMLElement, HTMLElement, HTMLElement, HTMLElement, HTMLElement];

    expect(queued).toHaveAccessibleName("Gen-4 Turbo take, queued");
    expect(within(queued).getByText("Queued")).toBeInTheDocument();
    expect(within(queued).getByText(/^queued · \d/)).toBeInTheDocument();
    expect(within(generating).getByText("Generating")).toBeInTheDocument();
    expect(within(generating).getByText("seed random")).toBeInTheDocument();
    expect(within(finishing).getByText("Finishing")).toBeInTheDocument();
    expect(within(finishing).getByText("Rendered — saving the video…")).toBeInTheDocument();

    expect(within(completed).getByText("Completed")).toBeInTheDocument();
    expect(within(completed).getByText("took 48 s")).toBeInTheDocument();
    expect(within(completed).getByRole("link", { name: "Finished shot" })).toHaveAttribute("href", "/g/g2");
    const poster = completed.querySelector("img");
    expect(poster).toHaveAttribute("src", "/media/posters/g2.jpg");
    expect(poster).toHaveAttribute("loading", "lazy");
    const preview = completed.querySelector("video");
    expect(preview).toHaveAttribute("preload", "none");
    expect(preview).toHaveAttribute("src", "/media/videos/g2.mp4");
    expect(preview).toHaveProperty("muted", true);
    expect(preview).toHaveProperty("loop", true);
    expect(within(completed).getByRole("button", { name: "Favourite" })).toHaveAttribute("aria-pressed", "true");
    expect(within(completed).getByText("9:16")).toBeInTheDocument();

    expect(within(failed).getByText("Failed")).toBeInTheDocument();
    expect(within(failed).getByText("Runway refused the image: it shows a real person.")).toBeInTheDocument();
    expect(within(failed).getByText("failed after 30 s")).toBeInTheDocument();
    expect(within(failed).getByRole("button", { name: "Retry" })).toBeInTheDocument();
    expect(failed.querySelector("video")).toBeNull();
    expect(within(queued).queryByRole("button", { name: "Retry" })).not.toBeInTheDocument();
    expect(within(queued).getByRole("button", { name: "Delete" })).toHaveAttribute("aria-disabled", "true");
    expect(within(queued).getByRole("button", { name: "Delete" })).toHaveAccessibleDescription("A take can be deleted once it has finished.");
  });

  it("loads the next page when the end of the grid scrolls into view", async () => {
    vi.stubGlobal("IntersectionObserver", FakeIntersectionObserver);
    const fetchMock = stubBff({
      "GET /api/generations": ({ url }) =>
        url.searchParams.get("cursor") === "page-2"
          ? list([makeCompleted({ id: "old", prompt: "Older shot" })])()
          : list([makeCompleted({ id: "new", prompt: "Newer shot" })], "page-2")(),
    });
    renderGallery();
    await screen.findByRole("link", { name: "Newer shot" });
    await waitFor(() => expect(FakeIntersectionObserver.last?.targets).toHaveLength(1));

    act(() => FakeIntersectionObserver.last?.reveal());
    expect(await screen.findByRole("link", { name: "Older shot" })).toBeInTheDocument();
    expect(screen.getAllByRole("article").map((card) => within(card).getByRole("link").textContent)).toEqual(["Newer shot", "Older shot"]);
    expect(requestsTo(fetchMock, "GET", "/api/generations").map((r) => r.url.search)).toEqual(["?limit=24", "?limit=24&cursor=page-2"]);
    expect(screen.queryByRole("button", { name: "Load more" })).not.toBeInTheDocument();
  });

  it("keeps Load more as a fallback", async () => {
    stubBff({
      "GET /api/generations": ({ url }) =>
        url.searchParams.get("cursor") === "page-2"
          ? list([makeCompleted({ id: "old", prompt: "Older shot" })])()
          : list([makeCompleted({ id: "new", prompt: "Newer shot" })], "page-2")(),
    });
    const { user } = renderGallery();
    await user.click(await screen.findByRole("button", { name: "Load more" }));
    expect(await screen.findByRole("link", { name: "Older shot" })).toBeInTheDocument();
  });
});

describe("Gallery filters", () => {
  it("reads the filters from the address and sends them with the list request", async () => {
    const fetchMock = stubBff();
    renderGallery("/?model=gen3a_turbo&q=boat&duration=10&favourite=true&status=nonsense");
    await screen.findByText(/No takes match these filters/);

    const sent = requestsTo(fetchMock, "GET", "/api/generations")[0]?.url.searchParams;
    expect(Object.fromEntries(sent ?? [])).toEqual({ limit: "24", model: "gen3a_turbo", q: "boat", duration: "10", favourite: "true" });
    expect(screen.getByRole("combobox", { name: "Filter by Model" })).toHaveValue("gen3a_turbo");
    expect(screen.getByRole("combobox", { name: "Filter by Duration" })).toHaveValue("10");
    expect(screen.getByRole("combobox", { name: "Filter by Status" })).toHaveValue("");
    expect(screen.getByRole("checkbox", { name: "Favourites only" })).toBeChecked();
    expect(screen.getByRole("searchbox", { name: "Search prompts" })).toHaveValue("boat");
  });

  it("writes each choice to the address, and searches 300 ms after the last key", async () => {
    const fetchMock = stubBff();
    const { user } = renderGallery();
    await screen.findByText(/No takes yet/);
    const address = screen.getByRole("status", { name: "Current address" });

    await user.selectOptions(screen.getByRole("combobox", { name: "Filter by Status" }), "failed");
    await user.selectOptions(screen.getByRole("combobox", { name: "Filter by Ratio" }), "9:16");
    await user.click(screen.getByRole("checkbox", { name: "Favourites only" }));
    await user.click(screen.getByRole("checkbox", { name: "Mine only" }));
    expect(address).toHaveTextContent("?status=failed&ratio=9%3A16&favourite=true&mine=true");

    await user.type(screen.getByRole("searchbox", { name: "Search prompts" }), "lighthouse");
    expect(address).not.toHaveTextContent("q=");
    await waitFor(() => expect(address).toHaveTextContent("?status=failed&ratio=9%3A16&favourite=true&mine=true&q=lighthouse"));
    const searches = requestsTo(fetchMock, "GET", "/api/generations").map((r) => r.url.searchParams.get("q"));
    expect(searches.filter((q) => q !== null)).toEqual(["lighthouse"]);

    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    expect(address).toHaveTextContent(/^$/);
    expect(screen.getByRole("searchbox", { name: "Search prompts" })).toHaveValue("");
  });
});

describe("Card actions", () => {
  it("toggles the favourite star", async () => {
    let take = makeCompleted({ id: "g1", prompt: "Harbour at dawn" });
    const fetchMock = stubBff({
      "GET /api/generations": () => list([take])(),
      "PATCH /api/generations/:id": ({ init }) => {
        take = { ...take, ...JSON.parse(String(init?.body)), updatedAt: "2025-01-01T11:00:00.000Z" };
        return json(200, take);
      },
    });
    const { user } = renderGallery();
    const star = await screen.findByRole("button", { name: "Favourite" });
    expect(star).toHaveAttribute("aria-pressed", "false");

    await user.click(star);
    expect(star).toHaveAttribute("aria-pressed", "true");
    await waitFor(() => expect(requestsTo(fetchMock, "PATCH", "/api/generations/g1")).toHaveLength(1));
    expect(JSON.parse(String(requestsTo(fetchMock, "PATCH", "/api/generations/g1")[0]?.init?.body))).toEqual({ favourite: true });
    await waitFor(() => expect(requestsTo(fetchMock, "GET", "/api/generations").length).toBeGreaterThan(1));
    expect(screen.getByRole("button", { name: "Favourite" })).toHaveAttribute("aria-pressed", "true");
  });

  it("deletes a take after a confirmation naming it", async () => {
    let items = [makeCompleted({ id: "g1", prompt: "Harbour at dawn" })];
    const fetchMock = stubBff({
      "GET /api/generations": () => list(items)(),
      "DELETE /api/generations/:id": () => {
        items = [];
        return new Response(null, { status: 204 });
      },
    });
    const { user } = renderGallery();
    const trigger = await screen.findByRole("button", { name: "Delete" });

    await user.click(trigger);
    const dialog = screen.getByRole("dialog", { name: "Delete the take “Harbour at dawn”?" });
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();
    expect(requestsTo(fetchMock, "DELETE", "/api/generations/g1")).toHaveLength(0);

    await user.click(trigger);
    await user.click(screen.getByRole("button", { name: "Delete take" }));
    expect(await screen.findByText("No takes yet — what you make appears here.")).toBeInTheDocument();
    expect(requestsTo(fetchMock, "DELETE", "/api/generations/g1")).toHaveLength(1);
  });

  it("shows the server's refusal in the dialog", async () => {
    stubBff({
      "GET /api/generations": list([makeCompleted({ id: "g1", prompt: "Harbour at dawn" })]),
      "DELETE /api/generations/:id": () => apiError(409, "still_running", "This take is still being saved; delete it once it has finished."),
    });
    const { user } = renderGallery();
    await user.click(await screen.findByRole("button", { name: "Delete" }));
    await user.click(screen.getByRole("button", { name: "Delete take" }));
    const dialog = screen.getByRole("dialog");
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("This take is still being saved; delete it once it has finished.");
  });

  it("retries a failed take with the same seed", async () => {
    const fetchMock = stubBff({
      "GET /api/generations": list([makeFailed({ id: "g1" })]),
      "POST /api/generations/:id/rerun": () => json(201, makeTake({ id: "g2", sourceId: "g1" })),
    });
    const { user } = renderGallery();
    await user.click(await screen.findByRole("button", { name: "Retry" }));
    await waitFor(() => expect(requestsTo(fetchMock, "POST", "/api/generations/g1/rerun")).toHaveLength(1));
    expect(JSON.parse(String(requestsTo(fetchMock, "POST", "/api/generations/g1/rerun")[0]?.init?.body))).toEqual({ seed: "same" });
  });
});

describe("Who made what", () => {
  const takes = [makeCompleted({ id: "g1", prompt: "Harbour at dawn", author: "ana" }), makeCompleted({ id: "g2", prompt: "Fog on the pier", author: "ben" })];
  const cardOf = async (prompt: string) => (await screen.findByRole("link", { name: prompt })).closest("article") as HTMLElement;

  it("says who made each take, and offers Delete only on the viewer's own takes", async () => {
    stubBff({ "GET /api/generations": list(takes) });
    renderGallery("/", { name: "ana", isAdmin: false, identified: true });
    const mine = await cardOf("Harbour at dawn");
    const theirs = await cardOf("Fog on the pier");
    expect(within(mine).getByText("by ana")).toBeInTheDocument();
    expect(within(theirs).getByText("by ben")).toBeInTheDocument();
    expect(within(mine).getByRole("button", { name: "Delete" })).toBeInTheDocument();
    expect(within(theirs).queryByRole("button", { name: "Delete" })).not.toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: "Mine only" })).not.toBeChecked();
  });

  it("lets an admin delete anyone's take", async () => {
    stubBff({ "GET /api/generations": list(takes) });
    renderGallery("/", { name: "boss", isAdmin: true, identified: true });
    expect(within(await cardOf("Harbour at dawn")).getByRole("button", { name: "Delete" })).toBeInTheDocument();
    expect(within(await cardOf("Fog on the pier")).getByRole("button", { name: "Delete" })).toBeInTheDocument();
  });

  it("shows the server's 403 if a delete is refused anyway", async () => {
    stubBff({
      "GET /api/generations": list(takes),
      "DELETE /api/generations/:id": () => apiError(403, "forbidden", "Only ben (who made this take) or an admin can delete it."),
    });
    // An admin a moment ago; the server has since decided otherwise.
    const { user } = renderGallery("/", { name: "ana", isAdmin: true, identified: true });
    await user.click(within(await cardOf("Fog on the pier")).getByRole("button", { name: "Delete" }));
    await user.click(screen.getByRole("button", { name: "Delete take" }));
    expect(await within(screen.getByRole("dialog")).findByRole("alert")).toHaveTextContent("Only ben (who made this take) or an admin can delete it.");
  });

  it("hides authorship and Mine only where nobody signs in", async () => {
    stubBff({ "GET /api/generations": list([makeCompleted({ id: "g1", prompt: "Harbour at dawn" })]) });
    renderGallery("/", { name: "studio", isAdmin: true, identified: false });
    const card = await cardOf("Harbour at dawn");
    expect(within(card).queryByText("by studio")).not.toBeInTheDocument();
    expect(within(card).getByRole("button", { name: "Delete" })).toBeInTheDocument();
    expect(screen.queryByRole("checkbox", { name: "Mine only" })).not.toBeInTheDocument();
  });
});
