/**
 * Whether a page at `origin` may use the widget with a site key allowing `allowed` (undefined: no such
 * key). `self` stands for the server's own origin; `*` for any. Requests without an Origin (not from a
 * browser) pass: the origin check protects visitors' browsers, it is not authentication.
 */
export function isOriginAllowed(
  allowed: readonly string[] | undefined,
  origin: string | undefined,
  selfOrigin: string,
): boolean {
  if (!allowed) return false;
  if (!origin) return true;
  return allowed.some(
    (entry) => entry === '*' || (entry === 'self' ? origin === selfOrigin : origin === entry),
  );
}
