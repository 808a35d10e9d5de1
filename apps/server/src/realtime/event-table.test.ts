import { EventEmitter } from 'node:events';
import type { Socket } from 'socket.io';
import { describe, expect, it } from 'vitest';
import { eventTableListener, type SocketEventHandler } from './event-table';

/** The part of a socket the listener uses: its own listeners (an EventEmitter has them). */
const fakeSocket = () => new EventEmitter() as unknown as Socket;

describe('eventTableListener', () => {
  it('hands each event to its handler with the socket it came on', async () => {
    const seen: [Socket, unknown[]][] = [];
    const table = new Map<string, SocketEventHandler<Socket>>([
      ['greet', async (socket, args) => void seen.push([socket, args])],
    ]);
    const listener = eventTableListener(table);
    const [a, b] = [fakeSocket(), fakeSocket()];
    listener.call(a, 'greet', { name: 'a' });
    listener.call(b, 'greet', { name: 'b' });
    expect(seen).toEqual([
      [a, [{ name: 'a' }]],
      [b, [{ name: 'b' }]],
    ]);
  });

  it('answers an event nobody handles with unknown_event, when it asked for an answer', () => {
    const listener = eventTableListener(new Map());
    const answers: unknown[] = [];
    listener.call(fakeSocket(), 'nope', { x: 1 }, (answer: unknown) => answers.push(answer));
    listener.call(fakeSocket(), 'silent', { x: 1 });
    expect(answers).toEqual([
      { ok: false, error: { code: 'unknown_event', message: 'There is no event "nope".' } },
    ]);
  });

  it('leaves an event with a listener of its own to that listener', () => {
    const listener = eventTableListener(new Map());
    const socket = fakeSocket();
    (socket as unknown as EventEmitter).on('own', () => {});
    const answers: unknown[] = [];
    listener.call(socket, 'own', (answer: unknown) => answers.push(answer));
    expect(answers).toEqual([]);
  });
});
