import { type ArticleCreate, articleCreateSchema, type ImportProblem } from '@hitl/shared/knowledge';
import type { z } from 'zod';

/** One article as read from an import file, before validation, with where it was found. */
export interface ImportCandidate {
  /** `item 3` (JSON) or `line 12` (CSV, Markdown). */
  where: string;
  value: unknown;
}

/** A valid article of an import file; `id` is made from the title when the file gave none. */
export type ImportedArticle = ArticleCreate & { id: string; where: string };

/** What a parser found: the candidates, and problems with the file itself (bad JSON, an unclosed quote …). */
export interface ParsedImport {
  candidates: ImportCandidate[];
  problems: ImportProblem[];
}

/**
 * Validates every candidate (never stopping at the first problem) and checks that no id appears twice,
 * so that an editor sees every problem of the file at once.
 */
export function validateImportCandidates(parsed: ParsedImport): {
  articles: ImportedArticle[];
  problems: ImportProblem[];
} {
  const problems = [...parsed.problems];
  const articles: ImportedArticle[] = [];
  const seen = new Map<string, string>();
  if (parsed.candidates.length === 0 && problems.length === 0)
    problems.push({ where: 'file', message: 'contains no article' });
  for (const candidate of parsed.candidates) {
    const result = articleCreateSchema.safeParse(candidate.value);
    if (!result.success) {
      for (const issue of result.error.issues)
        problems.push({ where: candidate.where, message: describeIssue(issue) });
      continue;
    }
    const id = result.data.id ?? slugOf(result.data.title);
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      problems.push({ where: candidate.where, message: `id "${id}" is used again (first at ${earlier})` });
      continue;
    }
    seen.set(id, candidate.where);
    articles.push({ ...result.data, id, where: candidate.where });
  }
  return { articles, problems: problems.sort((a, b) => positionOf(a.where) - positionOf(b.where)) };
}

/** Problems are listed in file order; those about the file as a whole come first. */
function positionOf(where: string): number {
  const number = /\d+/.exec(where);
  return number ? Number(number[0]) : 0;
}

/** A kebab-case id from a title: `Gift cards & vouchers` → `gift-cards-vouchers`. */
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? 'article' : slug;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}
