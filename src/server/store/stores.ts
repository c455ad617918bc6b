import type { Sql } from "../db/sql";
import { createChangeCounter } from "./change-counter";
import { createFamilyStore } from "./family-store";
import { createNotesStore } from "./notes-store";
import { createProjectsStore } from "./projects-store";
import { createProviderWatchStore } from "./provider-watch-store";
import { createReelsStore } from "./reels-store";
import { createShotsStore } from "./shots-store";
import { createTakesStore } from "./takes-store";
import type { LeaseSetting } from "./leases";
import { createUploadsStore } from "./uploads-store";

/** Every store over one database; takes and notes share the counter that tells readers a take changed. */
export function openStores(db: Sql, lease?: LeaseSetting) {
  const changes = createChangeCounter();
  // One clock for every store, looked up at each call so a test's fake clock reaches it.
  const now = () => Date.now();
  return {
    changes,
    store: createTakesStore(db, now, changes, lease),
    uploads: createUploadsStore(db),
    projects: createProjectsStore(db, now),
    shots: createShotsStore(db, now),
    notes: createNotesStore(db, changes, now),
    family: createFamilyStore(db),
    reels: createReelsStore(db, now, lease),
    providerWatch: createProviderWatchStore(db),
  };
}

export type Stores = ReturnType<typeof openStores>;
