import type { ReactElement } from "react";
import { QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { createQueryClient } from "@/lib/query-client";

type Options = {
  userEventOptions?: Parameters<typeof userEvent.setup>[0];
  /** The address the router starts at, e.g. "/?model=gen3a_turbo" or "/g/gen_1". */
  route?: string;
  /** Addresses visited before `route` (the history Back returns through). */
  history?: string[];
};

/** A fresh QueryClient (the app's, with no retries) per test, a router, and a user-event session. */
export function renderWithProviders(ui: ReactElement, { userEventOptions, route = "/", history = [] }: Options = {}) {
  const queryClient = createQueryClient({ queries: { retry: false }, mutations: { retry: false } });
  const user = userEvent.setup(userEventOptions);
  const view = render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[...history, route]} initialIndex={history.length}>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
  return { user, queryClient, ...view };
}
