import type { KnowledgeArticle } from '@hitl/shared/knowledge';
import { describe, expect, it } from 'vitest';
import { formatKnowledgeFile } from './format-knowledge-file';
import { slugOf } from './import-candidates';
import { loadKnowledgeBase } from './knowledge-base';
import { parseKnowledgeFile } from './parse-knowledge-file';

const shipped: KnowledgeArticle[] = loadKnowledgeBase().map((article) => ({
  ...article,
  status: 'active',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: null,
}));
const content = (list: KnowledgeArticle[]) =>
  list.map(({ id, title, topic, answer, examples }) => ({ id, title, topic, answer, examples }));

describe('knowledge files', () => {
  it.each(['json', 'csv', 'markdown'] as const)(
    'reads back every shipped article exported as %s',
    (format) => {
      const text = formatKnowledgeFile(shipped, format);
      const { articles, problems } = parseKnowledgeFile(text, format);
      expect(problems).toEqual([]);
      expect(articles.map(({ where: _where, ...rest }) => rest)).toEqual(content(shipped));
    },
  );

  it('a CSV export defuses cells a spreadsheet would run as formulas, and reads them back unchanged', () => {
    const risky = {
      ...shipped[0]!,
      title: '=HYPERLINK("http://evil.example","click")',
      answer: '+1 call us, or -2 if not',
      examples: ['@SUM(A1:A2)', 'where is my parcel'],
    };
    const text = formatKnowledgeFile([risky], 'csv');
    expect(text).toContain(`'=HYPERLINK`);
    expect(text).toContain(`'+1 call us`);
    expect(text).toContain(`'@SUM`);
    const { articles, problems } = parseKnowledgeFile(text, 'csv');
    expect(problems).toEqual([]);
    expect(articles.map(({ where: _where, ...rest }) => rest)).toEqual(content([risky]));
  });

  it('reads the Markdown format: metadata line, answer paragraphs, trailing list of examples', () => {
    const text = [
      '# Our articles',
      '',
      '## Gift cards',
      'topic: payments',
      '',
      'Gift cards never expire.',
      '- They can be combined with a card.',
      '',
      'Ask us anything.',
      '',
      '- Do gift cards expire?',
      '* can I combine a gift card',
    ].join('\n');
    const { articles, problems } = parseKnowledgeFile(text, 'markdown');
    expect(problems).toEqual([]);
    expect(articles).toEqual([
      {
        id: 'gift-cards',
        title: 'Gift cards',
        topic: 'payments',
        answer: 'Gift cards never expire.\n- They can be combined with a card.\n\nAsk us anything.',
        examples: ['Do gift cards expire?', 'can I combine a gift card'],
        where: 'line 3',
      },
    ]);
  });

  it('round-trips an answer that itself ends in a list, in Markdown', () => {
    const [first] = shipped;
    if (!first) throw new Error('no shipped article');
    const article = { ...first, answer: 'Two ways:\n\n- online\n- in a shop', examples: ['how?', 'where?'] };
    const { articles, problems } = parseKnowledgeFile(formatKnowledgeFile([article], 'markdown'), 'markdown');
    expect(problems).toEqual([]);
    expect(articles[0]).toMatchObject({ answer: article.answer, examples: article.examples });
  });

  it('reports every problem of a Markdown file with its line', () => {
    const text = [
      '## No metadata',
      'Just an answer.',
      '- a question',
      '## Bad topic',
      'id: bad-topic | topic: weather',
      'Sunny.',
      '- is it sunny',
      '## No examples',
      'id: no-examples | topic: general | colour: blue',
      'Nothing.',
      '## ',
      'topic: general',
      '',
      '- untitled',
    ].join('\n');
    const { articles, problems } = parseKnowledgeFile(text, 'markdown');
    expect(articles).toEqual([]);
    expect(problems).toEqual([
      { where: 'line 2', message: expect.stringContaining('expected the metadata line') },
      { where: 'line 4', message: expect.stringMatching(/^topic: /) },
      { where: 'line 9', message: expect.stringContaining('unknown metadata "colour: blue"') },
      { where: 'line 11', message: 'title: the title is empty' },
      { where: 'line 11', message: 'answer: the answer is empty' },
    ]);
  });

  it('reports every problem of a CSV file with the line its record starts on', () => {
    const text = [
      'id,title,topic,answer,examples',
      'ok-one,Fine,general,"An answer',
      'over two lines","first?',
      'second?"',
      ',No topic,,Answer,question',
      'Bad Id,Title,general,Answer,question',
      'ok-one,Again,general,Answer,question',
    ].join('\n');
    const { articles, problems } = parseKnowledgeFile(text, 'csv');
    expect(articles.map((a) => a.id)).toEqual(['ok-one']);
    expect(articles[0]).toMatchObject({
      answer: 'An answer\nover two lines',
      examples: ['first?', 'second?'],
    });
    expect(problems).toEqual([
      { where: 'line 5', message: expect.stringMatching(/^topic: /) },
      { where: 'line 6', message: 'id: must be a kebab-case id' },
      { where: 'line 7', message: 'id "ok-one" is used again (first at line 2)' },
    ]);
  });

  it('names a missing CSV column and a broken quote', () => {
    expect(parseKnowledgeFile('id,title,topic\nx,y,general\n', 'csv').problems).toEqual([
      { where: 'line 1', message: 'the column "answer" is missing' },
      { where: 'line 1', message: 'the column "examples" is missing' },
    ]);
    const broken = parseKnowledgeFile('id,title,topic,answer,examples\nx,"y,general,a,b\n', 'csv');
    expect(broken.articles).toEqual([]);
    expect(broken.problems).toHaveLength(1);
  });

  it('locates JSON problems by item and refuses what is not an array', () => {
    const text = JSON.stringify([
      { id: 'a-b', title: 'T', topic: 'general', answer: 'A', examples: ['q'] },
      { id: 'c', title: 'T', topic: 'general', answer: 'A', examples: [], extra: 1 },
    ]);
    const { problems } = parseKnowledgeFile(text, 'json');
    expect(problems).toEqual([
      { where: 'item 2', message: 'examples: needs at least one example question' },
      { where: 'item 2', message: expect.stringContaining('extra') },
    ]);
    expect(parseKnowledgeFile('{"id":1}', 'json').problems).toEqual([
      { where: 'file', message: 'must be a JSON array of articles' },
    ]);
    expect(parseKnowledgeFile('[', 'json').problems[0]?.message).toMatch(/^is not valid JSON/);
    expect(parseKnowledgeFile('[]', 'json').problems).toEqual([
      { where: 'file', message: 'contains no article' },
    ]);
  });

  it('makes kebab-case ids from titles', () => {
    expect(slugOf('Gift cards & vouchers — FAQ')).toBe('gift-cards-vouchers-faq');
    expect(slugOf('Crème brûlée')).toBe('creme-brulee');
    expect(slugOf('???')).toBe('article');
  });
});
