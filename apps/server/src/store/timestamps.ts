/**
 * Canonical form of an ISO timestamp, the one `Date.prototype.toISOString` produces and stored
 * timestamps have, so that they compare as text in either database.
 */
export function toUtcIso(timestamp: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an ISO timestamp: ${timestamp}`);
  return date.toISOString();
}
