import type { AgentClientToServerEvents, AgentServerToClientEvents } from '@hitl/shared/agent-events';
import type { Ack, AckCallback } from '@hitl/shared/errors';
import { io, type Socket } from 'socket.io-client';
import { ApiRequestError } from './api-error';

export type AgentSocket = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;

type Requests = AgentClientToServerEvents;
export type RequestName = keyof Requests;
export type RequestInput<E extends RequestName> = Parameters<Requests[E]>[0];
export type RequestData<E extends RequestName> =
  Parameters<Requests[E]>[1] extends AckCallback<infer T> ? T : never;

export const REQUEST_TIMEOUT_MS = 10_000;

/** Opens the agent namespace on the page's origin; the session cookie authenticates it. */
export function createAgentSocket(): AgentSocket {
  return io('/agent', { withCredentials: true, transports: ['websocket', 'polling'] });
}

/** Emits a request and resolves with its ack data, or throws an ApiRequestError. */
export async function request<E extends RequestName>(
  socket: AgentSocket,
  event: E,
  input: RequestInput<E>,
): Promise<RequestData<E>> {
  // The generic event name defeats socket.io's tuple inference, so the call is typed by hand here.
  const emitter = socket.timeout(REQUEST_TIMEOUT_MS) as unknown as {
    emitWithAck(event: E, input: RequestInput<E>): Promise<Ack<RequestData<E>>>;
  };
  let ack: Ack<RequestData<E>>;
  try {
    ack = await emitter.emitWithAck(event, input);
  } catch {
    throw new ApiRequestError('timeout', 'The server did not answer in time.');
  }
  if (!ack.ok) throw new ApiRequestError(ack.error.code, ack.error.message);
  return ack.data;
}

/** Like request, but retries on timeout; safe only for idempotent requests (e.g. sends keyed by clientId). */
export async function requestWithRetry<E extends RequestName>(
  socket: AgentSocket,
  event: E,
  input: RequestInput<E>,
  attempts = 3,
): Promise<RequestData<E>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await request(socket, event, input);
    } catch (error) {
      const retriable = error instanceof ApiRequestError && error.code === 'timeout';
      if (!retriable || attempt >= attempts) throw error;
    }
  }
}
