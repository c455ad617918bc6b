/** A value React reads with useSyncExternalStore: replaced (never mutated) when a field changes. */
export class StateStore<T extends object> {
  private readonly listeners = new Set<() => void>();

  constructor(protected state: T) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  getState = () => this.state;

  protected update(patch: Partial<T>) {
    const next = { ...this.state, ...patch };
    if ((Object.keys(patch) as (keyof T)[]).every((key) => next[key] === this.state[key])) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
