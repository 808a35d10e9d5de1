import type { AuditEventView } from '@hitl/shared/rest';
import { useCallback, useEffect, useState } from 'react';
import { listAuditEvents } from '../api/admin';
import { errorMessage } from '../api/api-error';

/** The latest audit events (admins only); `reload` fetches them again, e.g. after a change was saved. */
export function useAuditEvents(enabled: boolean) {
  const [events, setEvents] = useState<AuditEventView[]>([]);
  const [loading, setLoading] = useState(enabled);
  const [error, setError] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey is the explicit refresh trigger
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    setLoading(true);
    listAuditEvents()
      .then((list) => {
        if (cancelled) return;
        setEvents(list);
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
  }, [enabled, reloadKey]);

  const reload = useCallback(() => setReloadKey((key) => key + 1), []);

  return { events, loading, error, reload };
}
