import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../../apps/server/src/knowledge/knowledge-base';

export interface LabelledQuestion {
  question: string;
  intent: string;
}

export interface Banking77 {
  intents: string[];
  train: LabelledQuestion[];
  test: LabelledQuestion[];
}

/** Reads BANKING77 (train.csv, test.csv, categories.json) from `directory`. */
export function loadBanking77(directory: string): Banking77 {
  const intents = JSON.parse(readFileSync(path.join(directory, 'categories.json'), 'utf8')) as string[];
  const read = (file: string) => toQuestions(parseCsv(readFileSync(path.join(directory, file), 'utf8')));
  return { intents, train: read('train.csv'), test: read('test.csv') };
}

/** One article per intent: its training questions are the examples and its name is the answer. */
export function toArticles(intents: readonly string[], train: readonly LabelledQuestion[]): Article[] {
  const byIntent = new Map<string, string[]>(intents.map((intent) => [intent, []]));
  for (const { question, intent } of train) byIntent.get(intent)?.push(question);
  return [...byIntent]
    .filter(([, examples]) => examples.length > 0)
    .map(([intent, examples]) => ({
      id: intent
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
      title: intent.replace(/[_?]+/g, ' ').trim(),
      topic: 'general',
      answer: intent,
      examples,
    }));
}

function toQuestions(rows: string[][]): LabelledQuestion[] {
  const [header, ...body] = rows;
  const textColumn = header?.indexOf('text') ?? -1;
  const categoryColumn = header?.indexOf('category') ?? -1;
  if (textColumn < 0 || categoryColumn < 0) throw new Error('expected columns text,category');
  return body
    .filter((row) => row.length > Math.max(textColumn, categoryColumn))
    .map((row) => ({ question: row[textColumn]!.trim(), intent: row[categoryColumn]!.trim() }));
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((cell) => cell !== ''));
}
