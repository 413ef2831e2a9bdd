import { type DependencyList, useCallback, useEffect, useState } from 'react';
import { type Problem, problemFrom } from './api';

/** Loads data for a page: the data, the problem if it failed, and a reload. */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): { data: T | undefined; problem: Problem | null; loading: boolean; reload(): void } {
  const [data, setData] = useState<T>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const run = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    setLoading(true);
    run().then(
      (value) => {
        if (!live) return;
        setData(value);
        setProblem(null);
        setLoading(false);
      },
      (error: unknown) => {
        if (!live) return;
        setProblem(problemFrom(error));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [run, tick]);
  return { data, problem, loading, reload: () => setTick((n) => n + 1) };
}
