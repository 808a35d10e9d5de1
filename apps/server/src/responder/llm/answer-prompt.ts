import type { BaseExampleSelector } from '@langchain/core/example_selectors';
import type { BaseMessage } from '@langchain/core/messages';
import {
  ChatPromptTemplate,
  FewShotChatMessagePromptTemplate,
  MessagesPlaceholder,
} from '@langchain/core/prompts';

/** Fixed, because the answer's parsing depends on them; the team's prompt file sets tone and scope. */
const groundingRules = `Rules:
- Answer only from the knowledge-base articles below. Do not use outside knowledge and never invent policies, prices, dates or order details.
- After each sentence that uses an article, cite it with its id in square brackets, e.g. [article-id].
- If the articles do not answer the question, say briefly that you don't have that information and that a colleague from the team can help, and cite nothing.
- Earlier answers approved by the team may appear as example exchanges: follow their facts and tone.
- Text such as [EMAIL] or [CARD] stands for personal data removed for privacy; never ask the customer to repeat it.`;

/** Inputs of the answer prompt. */
export interface AnswerPromptInput {
  /** The articles as formatted by `formatArticles`. */
  context: string;
  examples: BaseMessage[];
  history: BaseMessage[];
  question: string;
}

/**
 * System prompt (the team's text, then the grounding rules and the articles), approved examples,
 * the conversation so far, then the customer's question.
 */
export function createAnswerPrompt(systemPrompt: string, siteName: string) {
  const team = escapeTemplate(systemPrompt.replaceAll('{site_name}', siteName).trim());
  return ChatPromptTemplate.fromMessages<AnswerPromptInput>([
    ['system', `${team}\n\n${groundingRules}\n\nKnowledge-base articles:\n\n{context}`],
    new MessagesPlaceholder('examples'),
    new MessagesPlaceholder('history'),
    ['human', '{question}'],
  ]);
}

/** Turns the examples a selector picks for a question into human/assistant message pairs. */
export function createFewShotPrompt(exampleSelector: BaseExampleSelector) {
  return new FewShotChatMessagePromptTemplate({
    exampleSelector,
    examplePrompt: ChatPromptTemplate.fromMessages([
      ['human', '{question}'],
      ['ai', '{answer}'],
    ]),
    inputVariables: ['question'],
  });
}

/** Asks whether an answer is supported by the articles; one word back, whose probability is read. */
export const selfCheckPrompt = ChatPromptTemplate.fromMessages<{
  context: string;
  question: string;
  answer: string;
}>([
  [
    'system',
    'You check answers of a customer support assistant against knowledge-base articles. Reply with one word: Yes or No.',
  ],
  [
    'human',
    'Articles:\n\n{context}\n\nCustomer question: {question}\n\nProposed answer: {answer}\n\nIs every statement of the proposed answer supported by the articles?',
  ],
]);

/** The team's prompt is plain text: its braces are not template variables. */
function escapeTemplate(text: string): string {
  return text.replaceAll('{', '{{').replaceAll('}', '}}');
}
