import type { AuditEventView } from '@hitl/shared/rest';
import { listAuditEvents } from '../api/admin';
import { useRemote } from './use-remote';

const none: AuditEventView[] = [];

/** The latest audit events (admins only); `reload` fetches them again, e.g. after a change was saved. */
export function useAuditEvents(enabled: boolean) {
  const { data: events, loading, error, reload } = useRemote(listAuditEvents, 'audit', none, enabled);
  return { events, loading, error, reload };
}
