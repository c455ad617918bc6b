import type { ReactElement } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";

type Options = { userEventOptions?: Parameters<typeof userEvent.setup>[0] };

/** A fresh QueryClient (no retries) per test, a router, and a user-event session. */
export function renderWithProviders(ui: ReactElement, { userEventOptions }: Options = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const user = userEvent.setup(userEventOptions);
  const view = render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
  return { user, queryClient, ...view };
}
