import { act, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api-client";
import { renderWithProviders } from "@/test/render";
import { ConnectionBanner } from "./connection-banner";

describe("ConnectionBanner", () => {
  it("says the server is unreachable while a poll cannot get through, and goes once one does", async () => {
    const { queryClient } = renderWithProviders(<ConnectionBanner />);
    expect(screen.queryByRole("status")).not.toBeInTheDocument();

    let reachable = false;
    const fetchTake = () => (reachable ? Promise.resolve({ ok: true }) : Promise.reject(new ApiError(0, "network_error", "Can't reach the Dailies server.")));
    await act(() => queryClient.prefetchQuery({ queryKey: ["take", "a"], queryFn: fetchTake }));
    expect(await screen.findByRole("status")).toHaveTextContent("Can't reach the Dailies server — reconnecting…");

    reachable = true;
    await act(() => queryClient.refetchQueries({ queryKey: ["take", "a"] }));
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
  });

  it("stays quiet for a server that answers with an error", async () => {
    const { queryClient } = renderWithProviders(<ConnectionBanner />);
    await act(() => queryClient.prefetchQuery({ queryKey: ["take", "b"], queryFn: () => Promise.reject(new ApiError(503, "server_error", "Down for a moment.")) }));
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
  });
});
