import { readFileSync } from "node:fs";

/** The app's name and version from package.json, for the provenance of exported takes. */
export const APP_INFO: { name: string; version: string } = (() => {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { name?: string; version?: string };
  return { name: pkg.name ?? "dailies", version: pkg.version ?? "0.0.0" };
})();
