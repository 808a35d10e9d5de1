import type { KnowledgeFormat } from '@hitl/shared/knowledge';
import { type ImportedArticle, validateImportCandidates } from './import-candidates';
import { parseKnowledgeCsv } from './parse-knowledge-csv';
import { parseKnowledgeJson } from './parse-knowledge-json';
import { parseKnowledgeMarkdown } from './parse-knowledge-markdown';

/** Reads an import file in one of the three formats; every problem is reported, with where it is. */
export function parseKnowledgeFile(text: string, format: KnowledgeFormat) {
  const parsed =
    format === 'csv'
      ? parseKnowledgeCsv(text)
      : format === 'markdown'
        ? parseKnowledgeMarkdown(text)
        : parseKnowledgeJson(text);
  return validateImportCandidates(parsed);
}

export type { ImportedArticle };
