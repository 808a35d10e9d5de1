import type { Server as HttpServer } from 'node:http';
import type { InterServerEvents } from '@hitl/shared/agent-events';
import { type Namespace, Server, type Socket } from 'socket.io';
import type { ServiceContext } from '../services/service-context';
import { attachAgentNamespace } from './agent-namespace';
import { answerUnknownEvent } from './event-table';
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
  // The widget's event table answers unknown events itself (`event-table.ts`).
  (namespaces.agent as unknown as Namespace).on('connection', answerUnknownEvents);
  attachKnowledgeSync(namespaces.agent, ctx);
  return agents;
}

/** The agent namespace's events are `socket.on` listeners; anything else gets its `unknown_event` answer. */
function answerUnknownEvents(socket: Socket): void {
  socket.onAny(answerUnlistened);
}

function answerUnlistened(this: Socket, event: string, ...args: unknown[]): void {
  if (this.listeners(event).length > 0) return;
  answerUnknownEvent(event, args);
}
