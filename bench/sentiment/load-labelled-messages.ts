import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export type Split = 'tune' | 'holdout';

export interface LabelledMessage {
  text: string;
  angry: boolean;
  split: Split;
  /** Line in the file, for the misclassified list. */
  line: number;
}

/** Reads `split,label,text` rows (label `angry` or `calm`); throws naming the first bad line. */
export function loadLabelledMessages(file: string): LabelledMessage[] {
  const rows: Record<string, string>[] = parse(readFileSync(file, 'utf8'), { columns: true, trim: false });
  return rows.map((row, i) => {
    const line = i + 2;
    const { split, label, text } = row;
    if (split !== 'tune' && split !== 'holdout')
      throw new Error(`${file}:${line}: split must be tune or holdout`);
    if (label !== 'angry' && label !== 'calm')
      throw new Error(`${file}:${line}: label must be angry or calm`);
    if (!text?.trim()) throw new Error(`${file}:${line}: empty text`);
    return { text, angry: label === 'angry', split, line };
  });
}
