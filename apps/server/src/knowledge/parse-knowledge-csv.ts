import { CsvError, parse } from 'csv-parse/sync';
import type { ParsedImport } from './import-candidates';

/** The columns of the CSV format; `examples` holds one question per line of its cell. */
export const csvColumns = ['id', 'title', 'topic', 'answer', 'examples'] as const;

/**
 * CSV with a header row naming the columns (any order; `id` may be left empty). Problems are located
 * by the line a record starts on.
 */
export function parseKnowledgeCsv(text: string): ParsedImport {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      skip_empty_lines: true,
      bom: true,
      info: true,
      trim: false,
      cast: unescapeFormula,
    });
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      return {
        candidates: [],
        problems: [{ where: line ? `line ${line}` : 'file', message: error.message }],
      };
    }
    throw error;
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  const missing = csvColumns.filter((name) => name !== 'id' && records.length > 0 && !header.includes(name));
  const unknown = header.filter((name) => !(csvColumns as readonly string[]).includes(name));
  const problems = [
    ...missing.map((name) => ({ where: 'line 1', message: `the column "${name}" is missing` })),
    ...unknown.map((name) => ({ where: 'line 1', message: `unknown column "${name}"` })),
  ];
  if (problems.length > 0) return { candidates: [], problems };
  return {
    candidates: records.map(({ record, info }) => ({
      where: `line ${info.lines - lineCount(record) + 1}`,
      value: {
        ...(record.id?.trim() ? { id: record.id.trim() } : {}),
        title: record.title,
        topic: record.topic?.trim(),
        answer: record.answer,
        examples: (record.examples ?? '')
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter((line) => line !== ''),
      },
    })),
    problems: [],
  };
}

/** How many lines a record spans (quoted cells may hold line breaks), to report the line it starts on. */
function lineCount(record: Record<string, string>): number {
  return 1 + Object.values(record).reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0);
}

/** The export prefixes a cell starting like a formula (=, +, -, @, tab, CR) with a quote mark; undo it. */
function unescapeFormula(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
