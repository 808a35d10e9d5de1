import type { Server as HttpServer } from 'node:http';
import type { InterServerEvents } from '@hitl/shared/agent-events';
import { type Namespace, Server, type Socket } from 'socket.io';
import type { ServiceContext } from '../services/service-context';
import { attachAgentNamespace } from './agent-namespace';
import { attachKnowledgeSync } from './knowledge-sync';
import type { AgentNamespace, WidgetNamespace } from './namespaces';
import { attachWidgetNamespace, type WidgetNamespaceOptions } from './widget-namespace';

/** Bounds one socket frame: the largest valid payload is a 4,000-character message. */
const MAX_FRAME_BYTES = 256 * 1024;

export interface SocketNamespaces {
  io: Server;
  widget: WidgetNamespace;
  agent: AgentNamespace;
}

/** Creates the Socket.IO server and its two namespaces; handlers are attached by `attachSocketHandlers`. */
export function createSocketServer(httpServer: HttpServer): SocketNamespaces {
  const io = new Server<Record<string, never>, Record<string, never>, InterServerEvents>(httpServer, {
    maxHttpBufferSize: MAX_FRAME_BYTES,
    // The widget runs on customers' sites; each namespace checks the Origin itself.
    cors: { origin: true, credentials: false },
    connectionStateRecovery: undefined,
    serveClient: false,
  });
  return {
    io: io as unknown as Server,
    widget: io.of('/widget') as unknown as WidgetNamespace,
    agent: io.of('/agent') as unknown as AgentNamespace,
  };
}

export function attachSocketHandlers(
  namespaces: SocketNamespaces,
  ctx: ServiceContext,
  options: WidgetNamespaceOptions,
): { stop(): void } {
  attachWidgetNamespace(namespaces.widget, ctx, options);
  const agents = attachAgentNamespace(namespaces.agent, ctx, { publicUrl: options.publicUrl });
  for (const namespace of [namespaces.widget, namespaces.agent] as unknown as Namespace[])
    namespace.on('connection', answerUnknownEvents);
  attachKnowledgeSync(namespaces.agent, ctx);
  return agents;
}

/**
 * An event no handler listens to still gets its ack, so a client never waits for an answer that cannot
 * come (a typo, an old client after an upgrade).
 */
function answerUnknownEvents(socket: Socket): void {
  socket.onAny((event: string, ...args: unknown[]) => {
    if (socket.listeners(event).length > 0) return;
    const ack = args[args.length - 1];
    if (typeof ack !== 'function') return;
    const name = String(event).slice(0, 60);
    ack({ ok: false, error: { code: 'unknown_event', message: `There is no event "${name}".` } });
  });
}
