import { type Dispatch, type SetStateAction, useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/api-error';

export interface Remote<T> {
  data: T;
  setData: Dispatch<SetStateAction<T>>;
  loading: boolean;
  error: string | null;
  /** Fetches again (after a change was saved, or an event said the data moved). */
  reload: () => void;
}

/**
 * Data loaded from the server: fetched again whenever `key` changes or `reload` is called; a
 * response that arrives after a newer request started (or after unmount) is dropped.
 */
export function useRemote<T>(load: () => Promise<T>, key: string, initial: T, enabled = true): Remote<T> {
  const [data, setData] = useState<T>(initial);
  const [loading, setLoading] = useState(enabled);
  const [error, setError] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for what `load` depends on; reloadKey is the explicit refresh trigger
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    setLoading(true);
    load()
      .then((next) => {
        if (cancelled) return;
        setData(next);
        setError(null);
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(errorMessage(failure));
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [key, enabled, reloadKey]);

  const reload = useCallback(() => setReloadKey((k) => k + 1), []);
  return { data, setData, loading, error, reload };
}
