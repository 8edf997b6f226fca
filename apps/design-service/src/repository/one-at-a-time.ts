/**
 * Runs tasks that share a key one after another, in the order they came; tasks with different
 * keys run at once. Edits of one design in this process queue here instead of racing each other
 * into version conflicts and retries (which are still there for writers in other processes).
 */
export function oneAtATimePerKey() {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const run = (tails.get(key) ?? Promise.resolve()).then(task, task);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}
