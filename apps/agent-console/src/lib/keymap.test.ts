import { describe, expect, it } from 'vitest';
import { type KeyInput, nextInQueue, resolveShortcut } from './keymap';

const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  typing: false,
  ...extra,
});

describe('resolveShortcut', () => {
  it.each<[string, KeyInput, string | null]>([
    ['j: next in queue', key('j'), 'next-in-queue'],
    ['c: claim', key('c'), 'claim'],
    ['r: reply', key('r'), 'focus-reply'],
    ['Shift+X: close', key('X'), 'close'],
    ['x alone does not close', key('x'), null],
    ['/: search', key('/'), 'focus-search'],
    ['?: help', key('?'), 'help'],
    ['Ctrl+Enter: send', key('Enter', { ctrlKey: true }), 'send'],
    ['⌘+Enter: send', key('Enter', { metaKey: true }), 'send'],
    ['Ctrl+Enter while typing still sends', key('Enter', { ctrlKey: true, typing: true }), 'send'],
    ['plain Enter is the composer’s own', key('Enter'), null],
    ['c while typing is a letter', key('c', { typing: true }), null],
    ['? while typing is a character', key('?', { typing: true }), null],
    ['Ctrl+C is the browser’s copy', key('c', { ctrlKey: true }), null],
    ['⌘+J is the browser’s', key('j', { metaKey: true }), null],
    ['Alt+Enter is nothing', key('Enter', { altKey: true, ctrlKey: true }), null],
    ['an unbound key', key('q'), null],
  ])('%s', (_name, input, action) => {
    expect(resolveShortcut(input)).toBe(action);
  });
});

describe('nextInQueue', () => {
  const queue = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  it.each<[string, { id: string }[], string | null, string | null]>([
    ['nothing open: the first', queue, null, 'a'],
    ['the one after the open one', queue, 'a', 'b'],
    ['after the last: back to the first', queue, 'c', 'a'],
    ['the open one is not queued: the first', queue, 'z', 'a'],
    ['an empty queue', [], 'a', null],
  ])('%s', (_name, q, open, next) => {
    expect(nextInQueue(q, open)).toBe(next);
  });
});
