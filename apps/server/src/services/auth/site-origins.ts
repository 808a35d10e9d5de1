/**
 * Whether a page at `origin` may use the widget with this site key. `self` stands for the
 * server's own origin; `*` for any. Requests without an Origin (not from a browser) pass:
 * the origin check protects visitors' browsers, it is not authentication.
 */
export function isOriginAllowed(
  sites: Record<string, string[]>,
  siteKey: string,
  origin: string | undefined,
  selfOrigin: string,
): boolean {
  const allowed = sites[siteKey];
  if (!allowed) return false;
  if (!origin) return true;
  return allowed.some(
    (entry) => entry === '*' || (entry === 'self' ? origin === selfOrigin : origin === entry),
  );
}
