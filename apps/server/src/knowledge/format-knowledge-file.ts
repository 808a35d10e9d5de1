import type { KnowledgeArticle, KnowledgeFormat } from '@hitl/shared/knowledge';
import { stringify } from 'csv-stringify/sync';
import { csvColumns } from './parse-knowledge-csv';

/** The file an export downloads: the same formats an import reads. */
export function formatKnowledgeFile(articles: readonly KnowledgeArticle[], format: KnowledgeFormat): string {
  if (format === 'csv') {
    return stringify(
      articles.map((a) => [a.id, a.title, a.topic, a.answer, a.examples.join('\n')]),
      // A cell a spreadsheet would run as a formula gets a leading quote mark; the import takes it off again.
      { header: true, columns: [...csvColumns], bom: false, escape_formulas: true },
    );
  }
  if (format === 'markdown') return articles.map(toMarkdownSection).join('\n');
  // The knowledge-base file format, so an export can be used as `KNOWLEDGE_BASE` as it is.
  const file = articles.map(({ id, title, topic, answer, examples }) => ({
    id,
    title,
    topic,
    answer,
    examples,
  }));
  return `${JSON.stringify(file, null, 2)}\n`;
}

function toMarkdownSection(article: KnowledgeArticle): string {
  return [
    `## ${article.title}`,
    `id: ${article.id} | topic: ${article.topic}`,
    '',
    article.answer,
    '',
    ...article.examples.map((example) => `- ${example}`),
    '',
  ].join('\n');
}

export const knowledgeFileTypes: Record<KnowledgeFormat, { extension: string; contentType: string }> = {
  json: { extension: 'json', contentType: 'application/json; charset=utf-8' },
  csv: { extension: 'csv', contentType: 'text/csv; charset=utf-8' },
  markdown: { extension: 'md', contentType: 'text/markdown; charset=utf-8' },
};
