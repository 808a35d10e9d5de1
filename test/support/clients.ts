import type { AgentClientToServerEvents, AgentServerToClientEvents } from '@hitl/shared/agent-events';
import type { Agent } from '@hitl/shared/models';
import type {
  WidgetClientToServerEvents,
  WidgetServerToClientEvents,
  WidgetSessionResponse,
} from '@hitl/shared/widget-events';
import { io, type Socket } from 'socket.io-client';

export type WidgetClient = Socket<WidgetServerToClientEvents, WidgetClientToServerEvents>;
export type AgentClient = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;

/** Real socket.io clients against a server URL, as the widget and the console use them. */
export async function openVisitorSession(url: string, token?: string): Promise<WidgetSessionResponse> {
  const res = await fetch(`${url}/api/widget/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ siteKey: 'demo', token }),
  });
  if (!res.ok) throw new Error(`widget session failed: ${res.status}`);
  return (await res.json()) as WidgetSessionResponse;
}

export async function connectWidgetSocket(url: string, token: string): Promise<WidgetClient> {
  const socket: WidgetClient = io(`${url}/widget`, {
    auth: { siteKey: 'demo', token },
    transports: ['websocket'],
    forceNew: true,
  });
  await connected(socket as Socket);
  return socket;
}

export async function loginAgentOver(
  url: string,
  email: string,
  password: string,
): Promise<{ agent: Agent; token: string }> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  return (await res.json()) as { agent: Agent; token: string };
}

export async function connectAgentSocket(url: string, token: string): Promise<AgentClient> {
  const socket: AgentClient = io(`${url}/agent`, {
    auth: { token },
    transports: ['websocket'],
    forceNew: true,
  });
  await connected(socket as Socket);
  return socket;
}

export function connected(socket: Socket): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
}

/** How a new /agent socket with this token fares: 'connected', or the handshake's error ('unauthorized'…). */
export function agentHandshake(url: string, token: string): Promise<string> {
  const socket = io(`${url}/agent`, {
    auth: { token },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.disconnect();
      resolve('connected');
    });
    socket.once('connect_error', (error) => {
      socket.disconnect();
      resolve(error.message);
    });
  });
}

/** Resolves with the reason once the socket is disconnected. */
export function disconnected(socket: { once(event: 'disconnect', fn: (reason: string) => void): unknown }) {
  return new Promise<string>((resolve) => socket.once('disconnect', resolve));
}
