export type CsvCell = string | number | null;

/**
 * RFC 4180 text: CRLF between records, a field quoted when it holds a comma, a quote, CR or LF, quotes
 * inside doubled. Null is an empty field. A field starting with = + - @ is prefixed with a quote mark so a
 * spreadsheet shows a customer's words instead of running them as a formula.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return `${[header, ...rows].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

function field(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = /^[=+\-@]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
