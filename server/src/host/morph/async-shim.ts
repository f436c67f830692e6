/**
 * The two functions of the `async` package that kuromoji's dictionary loader uses (map, parallel),
 * aliased in its place by scripts/build.mjs: the package itself looks up the global object by evaluating a string of code, which
 * the bundle's no-code-evaluation rule (test/unit/reliability/security.test.ts) forbids.
 */
type Callback<T> = (error: unknown, result?: T) => void;

export function map<T, R>(
  items: readonly T[],
  iterate: (item: T, done: Callback<R>) => void,
  done: Callback<R[]>,
): void {
  parallel(
    items.map((item) => (callback: Callback<R>) => iterate(item, callback)),
    done,
  );
}

export function parallel<R>(tasks: ReadonlyArray<(done: Callback<R>) => void>, done: Callback<R[]>): void {
  const results: R[] = new Array(tasks.length);
  let pending = tasks.length;
  let finished = false;
  if (pending === 0) {
    done(null, results);
    return;
  }
  tasks.forEach((task, index) =>
    task((error, result) => {
      if (finished) return;
      if (error) {
        finished = true;
        done(error);
        return;
      }
      results[index] = result as R;
      if (--pending === 0) {
        finished = true;
        done(null, results);
      }
    }),
  );
}

export default { map, parallel };
