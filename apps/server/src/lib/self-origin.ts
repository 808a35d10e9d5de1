import type { IncomingHttpHeaders } from 'node:http';

/** This server's origin as the browser sees it: PUBLIC_URL when set, else from the Host header. */
export function selfOriginOf(headers: IncomingHttpHeaders, publicUrl?: string): string {
  if (publicUrl) return new URL(publicUrl).origin;
  const forwarded = headers['x-forwarded-proto'];
  const proto =
    (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim() === 'https'
      ? 'https'
      : 'http';
  return `${proto}://${headers.host ?? 'localhost'}`;
}
