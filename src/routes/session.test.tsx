import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import { useLocation } from "react-router";
import { AppRoutes } from "@/app";
import { apiError, json, makeCompleted, makeSession, requestsTo, stubBff } from "@/test/fake-bff";
import type { FakeHandler } from "@/test/fake-bff";
import { renderWithProviders } from "@/test/render";
import { takeKeys } from "@/features/gallery/api/keys";

type Session = ReturnType<typeof makeSession>;

/** Shows where the router is, so a test can check the address sign-in returns to. */
function CurrentAddress() {
  const location = useLocation();
  return <output aria-label="Current address">{`${location.pathname}${location.search}`}</output>;
}

/** A password-mode BFF: every data route answers 401 until a session is set. */
function passwordStudio(routes: Record<string, FakeHandler> = {}, start: Session = makeSession("password", null)) {
  let session = start;
  const guarded = (handler: FakeHandler): FakeHandler => (request) =>
    session.user ? handler(request) : apiError(401, "unauthenticated", "Sign in to use the studio.");
  const fetchMock = stubBff({
    "GET /api/session": () => json(200, session),
    "POST /api/session": ({ init }) => {
      const { name, password } = JSON.parse(String(init?.body)) as { name: string; password: string };
      if (password !== "letmein") return apiError(401, "wrong_password", "That is not the studio password.", { password: "That is not the studio password." });
      session = makeSession("password", { name, isAdmin: name === "boss" });
      return json(200, session);
    },
    "DELETE /api/session": () => {
      session = makeSession("password", null);
      return new Response(null, { status: 204 });
    },
    "GET /api/generations": guarded(() => json(200, { items: [makeCompleted({ id: "g1", prompt: "Harbour at dawn", author: "ana" })], nextCursor: null })),
    "GET /api/generations/:id": guarded(({ params }) => json(200, makeCompleted({ id: params.id ?? "", prompt: "Harbour at dawn", author: "ana" }))),
    ...routes,
  });
  return {
    fetchMock,
    expire: () => {
      session = makeSession("password", null);
    },
  };
}

function renderApp(route = "/") {
  return renderWithProviders(
    <>
      <AppRoutes />
      <CurrentAddress />
    </>,
    { route },
  );
}

async function signIn(user: ReturnType<typeof renderApp>["user"], name: string, password: string) {
  await user.type(await screen.findByRole("textbox", { name: "Your name" }), name);
  await user.type(screen.getByLabelText("Studio password"), password);
  await user.click(screen.getByRole("button", { name: "Sign in" }));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("Signing in", () => {
  it("sends a signed-out visit to the sign-in page, then back to the page it asked for", async () => {
    const { fetchMock } = passwordStudio();
    const { user } = renderApp("/g/g1?from=link");

    expect(await screen.findByRole("heading", { name: "Sign in to the studio" })).toBeInTheDocument();
    expect(screen.getByRole("status", { name: "Current address" })).toHaveTextContent("/sign-in?next=%2Fg%2Fg1%3Ffrom%3Dlink");
    expect(screen.queryByRole("heading", { name: "Dailies", level: 1 })).not.toBeInTheDocument();
    // Nothing of the studio is asked for before someone signs in.
    expect(requestsTo(fetchMock, "GET", "/api/generations")).toHaveLength(0);

    await signIn(user, "ana", "letmein");
    expect(await screen.findByRole("heading", { name: "Harbour at dawn" }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole("status", { name: "Current address" })).toHaveTextContent("/g/g1?from=link");
    expect(screen.getByText("Signed in as ana")).toBeInTheDocument();
    expect(screen.queryByText("admin")).not.toBeInTheDocument();
    expect(JSON.parse(String(requestsTo(fetchMock, "POST", "/api/session")[0]?.init?.body))).toEqual({ name: "ana", password: "letmein" });
  });

  it("checks both fields before sending, and shows a wrong password at the field", async () => {
    const { fetchMock } = passwordStudio();
    const { user } = renderApp();
    await user.click(await screen.findByRole("button", { name: "Sign in" }));
    expect(screen.getByRole("textbox", { name: "Your name" })).toHaveAccessibleDescription("Enter your name.");
    expect(screen.getByLabelText("Studio password")).toHaveAccessibleDescription("Enter the studio password.");
    expect(requestsTo(fetchMock, "POST", "/api/session")).toHaveLength(0);

    await signIn(user, "ana", "guess");
    const password = screen.getByLabelText("Studio password");
    await waitFor(() => expect(password).toHaveAccessibleDescription("That is not the studio password."));
    expect(password).toHaveAttribute("aria-invalid", "true");
    expect(password).toHaveFocus();
    expect(screen.getByRole("textbox", { name: "Your name" })).toHaveValue("ana");
    expect(screen.getByRole("heading", { name: "Sign in to the studio" })).toBeInTheDocument();
  });

  it("says how long to wait after too many attempts, and disables the button while sending", async () => {
    let release: () => void = () => undefined;
    passwordStudio({
      "POST /api/session": () =>
        new Promise<Response>((resolve) => {
          release = () => resolve(apiError(429, "too_many_attempts", "Too many wrong passwords from here. Try again in 42 s."));
        }),
    });
    const { user } = renderApp();
    await signIn(user, "ana", "guess");
    expect(screen.getByRole("button", { name: "Signing in…" })).toBeDisabled();
    release();
    expect(await screen.findByRole("alert")).toHaveTextContent("Too many wrong passwords from here. Try again in 42 s.");
    expect(screen.getByRole("button", { name: "Sign in" })).toBeEnabled();
  });

  it("shows who is signed in, marks an admin, and signs out to the sign-in page with the cache cleared", async () => {
    const { fetchMock } = passwordStudio({}, makeSession("password", { name: "boss", isAdmin: true }));
    const { user, queryClient } = renderApp();
    expect(await screen.findByText("Signed in as boss")).toBeInTheDocument();
    expect(screen.getByText("admin")).toBeInTheDocument();
    await screen.findByRole("link", { name: "Harbour at dawn" });

    await user.click(screen.getByRole("button", { name: "Sign out" }));
    expect(await screen.findByRole("heading", { name: "Sign in to the studio" })).toBeInTheDocument();
    expect(screen.queryByText(/Signed in as/)).not.toBeInTheDocument();
    expect(requestsTo(fetchMock, "DELETE", "/api/session")).toHaveLength(1);
    expect(queryClient.getQueryCache().findAll({ queryKey: takeKeys.all })).toHaveLength(0);
  });

  it("lets an admin sign everyone out, after a confirmation; others see no such button", async () => {
    const { fetchMock } = passwordStudio(
      {
        "DELETE /api/session/all": () => json(200, { signedOut: 4 }),
      },
      makeSession("password", { name: "boss", isAdmin: true }),
    );
    const { user } = renderApp();
    await user.click(await screen.findByRole("button", { name: "Sign everyone out" }));
    const dialog = screen.getByRole("dialog", { name: "Sign everyone out?" });
    expect(dialog).toHaveTextContent(/yours too/);
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(requestsTo(fetchMock, "DELETE", "/api/session/all")).toHaveLength(0);

    await user.click(screen.getByRole("button", { name: "Sign everyone out" }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Sign everyone out" }));
    expect(await screen.findByRole("heading", { name: "Sign in to the studio" })).toBeInTheDocument();
    expect(requestsTo(fetchMock, "DELETE", "/api/session/all")).toHaveLength(1);

    await signIn(user, "ana", "letmein");
    expect(await screen.findByText("Signed in as ana")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Sign everyone out" })).not.toBeInTheDocument();
  });

  it("sends the person to sign in when a request is refused for want of a session", async () => {
    let expired = false;
    const list = () => json(200, { items: [makeCompleted({ id: "g1", prompt: "Harbour at dawn", author: "ana" })], nextCursor: null });
    const studio = passwordStudio(
      {
        // The cookie ran out while the page was open: the session was fine, the list is refused.
        "GET /api/generations": () => {
          if (expired) return list();
          expired = true;
          studio.expire();
          return apiError(401, "unauthenticated", "Sign in to use the studio.");
        },
      },
      makeSession("password", { name: "ana" }),
    );
    const { user } = renderApp("/?status=completed");
    expect(await screen.findByRole("heading", { name: "Sign in to the studio" })).toBeInTheDocument();
    expect(screen.getByRole("status", { name: "Current address" })).toHaveTextContent("/sign-in?next=%2F%3Fstatus%3Dcompleted");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    // The session is asked once more, not in a loop.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requestsTo(studio.fetchMock, "GET", "/api/session")).toHaveLength(2);
    expect(requestsTo(studio.fetchMock, "GET", "/api/generations")).toHaveLength(1);

    await signIn(user, "ana", "letmein");
    expect(await screen.findByRole("link", { name: "Harbour at dawn" })).toBeInTheDocument();
    expect(screen.getByRole("status", { name: "Current address" })).toHaveTextContent("/?status=completed");
  });

  it("points to the sign-in proxy in proxy mode, with no form", async () => {
    stubBff({ "GET /api/session": () => json(200, makeSession("proxy", null)) });
    renderApp("/usage");
    expect(await screen.findByText(/Sign in through the studio's sign-in proxy/)).toBeInTheDocument();
    expect(screen.queryByRole("textbox", { name: "Your name" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Sign in" })).not.toBeInTheDocument();
  });

  it("shows the proxy's user without a Sign out button", async () => {
    stubBff({ "GET /api/session": () => json(200, makeSession("proxy", { name: "ana@studio.test" })) });
    renderApp();
    expect(await screen.findByText("Signed in as ana@studio.test")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Sign out" })).not.toBeInTheDocument();
  });

  it("changes nothing when the studio runs without sign-in", async () => {
    stubBff({ "GET /api/generations": () => json(200, { items: [makeCompleted({ id: "g1", prompt: "Harbour at dawn" })], nextCursor: null }) });
    renderApp("/sign-in");
    const card = (await screen.findByRole("link", { name: "Harbour at dawn" })).closest("article") as HTMLElement;
    expect(screen.getByRole("status", { name: "Current address" })).toHaveTextContent(/^\/$/);
    expect(screen.queryByText(/Signed in as/)).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Sign out" })).not.toBeInTheDocument();
    expect(screen.queryByRole("checkbox", { name: "Mine only" })).not.toBeInTheDocument();
    expect(within(card).queryByText("by studio")).not.toBeInTheDocument();
    expect(within(card).getByRole("button", { name: "Delete" })).toBeInTheDocument();
  });
});
