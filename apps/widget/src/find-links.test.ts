import { describe, expect, it } from 'vitest';
import { findLinks } from './find-links';

describe('findLinks', () => {
  it.each([
    ['no links here', [{ text: 'no links here' }]],
    [
      'see https://example.com/a?b=1#c.',
      [
        { text: 'see ' },
        { text: 'https://example.com/a?b=1#c', href: 'https://example.com/a?b=1#c' },
        { text: '.' },
      ],
    ],
    [
      '(http://shop.example/faq), then',
      [
        { text: '(' },
        { text: 'http://shop.example/faq', href: 'http://shop.example/faq' },
        { text: '), then' },
      ],
    ],
    [
      'two: https://a.example and HTTPS://B.example/x',
      [
        { text: 'two: ' },
        { text: 'https://a.example', href: 'https://a.example/' },
        { text: ' and ' },
        { text: 'HTTPS://B.example/x', href: 'https://b.example/x' },
      ],
    ],
  ])('%j', (text, parts) => {
    expect(findLinks(text)).toEqual(parts);
  });

  it.each([
    'javascript:alert(1)',
    'click javascript://example.com/%0Aalert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'file:///etc/passwd',
    '<a href="https://evil.example">x</a> as markup',
    '<img src=x onerror=alert(1)>',
    'ftp://files.example/x',
    'mailto:someone@example.com',
  ])('%j never becomes a link to anything but http(s)', (text) => {
    for (const part of findLinks(text)) if (part.href) expect(part.href).toMatch(/^https?:\/\//);
    expect(
      findLinks(text)
        .map((p) => p.text)
        .join(''),
    ).toBe(text);
  });

  it('markup around an address stays text and the quote ends the address', () => {
    const parts = findLinks('<a href="https://evil.example/">x</a>');
    expect(parts.filter((p) => p.href)).toEqual([
      { text: 'https://evil.example/', href: 'https://evil.example/' },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe('<a href="https://evil.example/">x</a>');
  });

  it('an address with an invalid host stays text', () => {
    expect(findLinks('http://[::1')).toEqual([{ text: 'http://[::1' }]);
  });
});
