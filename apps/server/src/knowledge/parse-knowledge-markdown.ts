import type { ImportProblem } from '@hitl/shared/knowledge';
import type { ImportCandidate, ParsedImport } from './import-candidates';

/**
 * The Markdown format, one article per `## ` section:
 *
 *     ## How long shipping takes
 *     id: shipping-times | topic: shipping
 *
 *     Standard shipping takes 3–5 business days. (the answer: every line up to the list)
 *
 *     - How long does delivery take?
 *     - when will my order arrive
 *
 * The metadata line comes right after the heading (`id` may be left out); the bullet list (`-` or `*`)
 * that ends the section holds the example questions. Text before the first heading is ignored.
 */
export function parseKnowledgeMarkdown(text: string): ParsedImport {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const candidates: ImportCandidate[] = [];
  const problems: ImportProblem[] = [];
  let start = lines.findIndex((line) => line.startsWith('## '));
  while (start >= 0 && start < lines.length) {
    let end = start + 1;
    while (end < lines.length && !lines[end]?.startsWith('## ')) end++;
    const section = parseSection(lines, start, end);
    if ('problem' in section) problems.push(section.problem);
    else candidates.push(section.candidate);
    start = end;
  }
  return { candidates, problems };
}

function parseSection(
  lines: string[],
  start: number,
  end: number,
): { candidate: ImportCandidate } | { problem: ImportProblem } {
  const where = `line ${start + 1}`;
  const title = (lines[start] ?? '').slice(3).trim();
  let cursor = start + 1;
  while (cursor < end && lines[cursor]?.trim() === '') cursor++;
  const meta = parseMetadata(lines[cursor] ?? '');
  if (meta === null) {
    return {
      problem: {
        where: `line ${cursor + 1}`,
        message: 'expected the metadata line after the heading, e.g. "id: gift-cards | topic: payments"',
      },
    };
  }
  if ('problem' in meta) return { problem: { where: `line ${cursor + 1}`, message: meta.problem } };
  const body = lines.slice(cursor + 1, end);
  while (body.length > 0 && body[body.length - 1]?.trim() === '') body.pop();
  let listStart = body.length;
  while (listStart > 0 && isBullet(body[listStart - 1] ?? '')) listStart--;
  // Only the list that ends the section holds examples; a list earlier on belongs to the answer.
  const answerLines = body.slice(0, listStart);
  return {
    candidate: {
      where,
      value: {
        ...(meta.id !== undefined ? { id: meta.id } : {}),
        title,
        topic: meta.topic,
        answer: answerLines.join('\n').trim(),
        examples: body.slice(listStart).map((line) => line.trim().replace(/^[-*]\s+/, '')),
      },
    },
  };
}

function isBullet(line: string): boolean {
  return /^\s*[-*]\s+\S/.test(line);
}

/** `id: x | topic: y`; null when the line is not a metadata line at all. */
function parseMetadata(line: string): { id?: string; topic?: string } | { problem: string } | null {
  if (!/^\s*(id|topic)\s*:/i.test(line)) return null;
  const meta: { id?: string; topic?: string } = {};
  for (const part of line.split('|')) {
    const match = /^\s*([a-z]+)\s*:\s*(.*?)\s*$/i.exec(part);
    const key = match?.[1]?.toLowerCase();
    if (!match || (key !== 'id' && key !== 'topic'))
      return { problem: `unknown metadata "${part.trim()}" (use "id: …" and "topic: …")` };
    meta[key] = match[2] ?? '';
  }
  return meta;
}
