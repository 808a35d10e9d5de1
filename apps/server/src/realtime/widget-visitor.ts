import type { Visitor } from '../services/visitor';
import type { WidgetSocket } from './namespaces';

/** The visitor a /widget socket authenticated as (its handshake put the ids in `socket.data`). */
export function visitorOf(socket: WidgetSocket): Visitor {
  return { siteKey: socket.data.siteKey, visitorId: socket.data.visitorId };
}
