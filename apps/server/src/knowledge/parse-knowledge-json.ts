import type { ParsedImport } from './import-candidates';

/** The knowledge-base file format: a JSON array of `{ id, title, topic, answer, examples }`. */
export function parseKnowledgeJson(text: string): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { candidates: [], problems: [{ where: 'file', message: `is not valid JSON: ${reason}` }] };
  }
  if (!Array.isArray(data))
    return { candidates: [], problems: [{ where: 'file', message: 'must be a JSON array of articles' }] };
  return {
    candidates: data.map((value, index) => ({ where: `item ${index + 1}`, value })),
    problems: [],
  };
}
