import { describe, expect, it } from 'vitest';
import { normalizeWords } from './normalize-words';

describe('normalizeWords', () => {
  it.each([
    ['How LONG does shipping take?!', ['how', 'long', 'does', 'shipping', 'take']],
    ["I didn't get my parcel", ['i', 'didnt', 'get', 'my', 'parcel']],
    ['Change my e-mail', ['change', 'my', 'email']],
    ['Café crème, s’il vous plaît', ['cafe', 'creme', 'sil', 'vous', 'plait']],
    ['pls reset my pw', ['please', 'reset', 'my', 'password']],
    ['my giftcard', ['my', 'gift', 'card']],
    ['order #48213 — 10% off', ['order', '48213', '10', 'off']],
    ['   ', []],
    ['🙂🙂', []],
  ])('%j → %j', (text, words) => {
    expect(normalizeWords(text)).toEqual(words);
  });
});
