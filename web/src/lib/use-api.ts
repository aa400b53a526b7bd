import { useCallback, useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

/**
 * Loads data for a page and reloads when the inputs in `deps` change. Answers that arrive after the inputs changed
 * are dropped, so a slow answer for an older date or search never overwrites a newer one.
 */
export function useApi<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setLoading(true);
    void load().then(
      (value) => {
        if (!current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        setError(failure instanceof ApiError ? failure : new ApiError(0, 'client', errorMessage(failure)));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
    // `load` is a new closure on every render: the caller lists its inputs in `deps`.
  }, [...deps, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, loading, reload };
}
