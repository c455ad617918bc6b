/**
 * For a server started as a load run's child (the BFF, the simulator): announces its address on
 * stdout, then closes it on SIGTERM or SIGINT, or when the parent goes away (even by SIGKILL,
 * which closes our stdin), so a child never outlives its run.
 */
export function serveAsChild(server: { url: string; close(): Promise<void> }): void {
  process.stdout.write(`ready at ${server.url}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.stdin.on("end", stop);
  process.stdin.resume();
}
