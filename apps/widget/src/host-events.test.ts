import { afterEach, describe, expect, it, vi } from 'vitest';
import { HostEvents } from './host-events';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('HostEvents', () => {
  it('calls the listeners of an event with its detail, until they unsubscribe', () => {
    const events = new HostEvents();
    const seen: number[] = [];
    const stop = events.on('unread', ({ count }) => seen.push(count));
    events.emit('unread', { count: 2 });
    events.emit('open', undefined);
    stop();
    events.emit('unread', { count: 3 });
    expect(seen).toEqual([2]);
  });

  it('a listener that throws is reported and the others still run', () => {
    const events = new HostEvents();
    const report = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const calls: string[] = [];
    events.on('open', () => {
      throw new Error('the page’s bug');
    });
    events.on('open', () => calls.push('second'));
    events.emit('open', undefined);
    expect(calls).toEqual(['second']);
    expect(report).toHaveBeenCalledOnce();
  });

  it('refuses an unknown event or a listener that is not a function', () => {
    const events = new HostEvents();
    expect(() => events.on('opened' as never, () => undefined)).toThrow(/unknown event "opened"/);
    expect(() => events.on('open', 'nope' as never)).toThrow(/must be a function/);
  });

  it('a listener that unsubscribes while called does not skip the next one', () => {
    const events = new HostEvents();
    const calls: string[] = [];
    const stop = events.on('close', () => {
      calls.push('first');
      stop();
    });
    events.on('close', () => calls.push('second'));
    events.emit('close', undefined);
    events.emit('close', undefined);
    expect(calls).toEqual(['first', 'second', 'second']);
  });
});
