import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { articleTopics, loadKnowledgeBase } from './knowledge-base';

const validArticle = {
  id: 'shipping-times',
  title: 'How long shipping takes',
  topic: 'shipping',
  answer: 'Standard shipping takes 3–5 business days.',
  examples: ['how long does delivery take'],
};

const directory = mkdtempSync(join(tmpdir(), 'knowledge-base-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function writeKnowledgeBase(name: string, content: unknown): string {
  const path = join(directory, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('the shipped knowledge base', () => {
  const articles = loadKnowledgeBase();

  it('validates and covers the shop with at least 30 articles', () => {
    expect(articles.length).toBeGreaterThanOrEqual(30);
  });

  it('gives every article at least 5 distinct example questions', () => {
    for (const article of articles) {
      const distinct = new Set(article.examples.map((example) => example.toLowerCase()));
      expect(distinct.size, article.id).toBeGreaterThanOrEqual(5);
      expect(distinct.size, `${article.id} has duplicate examples`).toBe(article.examples.length);
    }
  });

  it('has unique kebab-case ids and topics from the closed set', () => {
    expect(new Set(articles.map((article) => article.id)).size).toBe(articles.length);
    for (const article of articles) {
      expect(article.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(articleTopics).toContain(article.topic);
    }
  });

  it('answers with a few sentences, not a fragment or an essay', () => {
    for (const article of articles) {
      const sentences = article.answer.split(/(?<=[.!?])\s+/).length;
      expect(sentences, article.id).toBeGreaterThanOrEqual(2);
      expect(sentences, article.id).toBeLessThanOrEqual(4);
    }
  });

  it('has no example question twice, in one article or across two', () => {
    const owner = new Map<string, string>();
    for (const article of articles) {
      for (const example of article.examples) {
        const key = example
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, ' ')
          .trim();
        expect(owner.get(key), `"${example}" in ${article.id}`).toBeUndefined();
        owner.set(key, article.id);
      }
    }
  });
});

describe('loadKnowledgeBase on a bad file', () => {
  it.each([
    ['not JSON', '{ "id": ', /is not valid JSON/],
    ['not an array', { articles: [] }, /invalid/],
    ['empty', [], /at least one article/],
    ['missing answer', [{ ...validArticle, answer: undefined }], /\[0\]\.answer/],
    ['unknown topic', [{ ...validArticle, topic: 'weather' }], /\[0\]\.topic/],
    ['id not kebab-case', [{ ...validArticle, id: 'Shipping Times' }], /kebab-case/],
    ['no examples', [{ ...validArticle, examples: [] }], /at least one example/],
    [
      'duplicate ids',
      [validArticle, { ...validArticle, title: 'Again' }],
      /duplicate article id "shipping-times"/,
    ],
  ])('names the file and the problem when it is %s', (name, content, problem) => {
    const path = writeKnowledgeBase(`${name.replaceAll(' ', '-')}.json`, content);
    expect(() => loadKnowledgeBase(path)).toThrow(problem);
    expect(() => loadKnowledgeBase(path)).toThrow(path);
  });

  it('says so when the file does not exist', () => {
    const path = join(directory, 'missing.json');
    expect(() => loadKnowledgeBase(path)).toThrow(`Knowledge base ${path} could not be read`);
  });

  it('loads a small valid file', () => {
    const path = writeKnowledgeBase('valid.json', [validArticle]);
    expect(loadKnowledgeBase(path)).toEqual([validArticle]);
  });
});
