/**
 * The customer's local time now, from the time zone their browser reported ("Tue 14:05 (Europe/Paris)"),
 * or from the UTC offset when the zone is missing or unknown to this browser ("14:05 (UTC+2)").
 */
export function formatCustomerTime(nowMs: number, timeZone: string | null, utcOffsetMinutes: number): string {
  if (timeZone) {
    try {
      const time = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
      }).format(nowMs);
      return `${time} (${timeZone})`;
    } catch {
      // An unknown zone name: fall back to the offset.
    }
  }
  const local = new Date(nowMs + utcOffsetMinutes * 60_000);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${hh}:${mm} (${formatOffset(utcOffsetMinutes)})`;
}

export function formatOffset(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  const hours = Math.floor(abs / 60);
  const rest = abs % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}
