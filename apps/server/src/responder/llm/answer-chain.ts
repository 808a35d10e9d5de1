import type { ContextTurn } from '@hitl/shared/models';
import type { Document } from '@langchain/core/documents';
import { AIMessage, type BaseMessage, HumanMessage } from '@langchain/core/messages';
import type { ChatPromptValueInterface } from '@langchain/core/prompt_values';
import type { ChatPromptTemplate, FewShotChatMessagePromptTemplate } from '@langchain/core/prompts';
import { RunnableLambda, RunnablePassthrough, RunnableSequence } from '@langchain/core/runnables';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { redactSensitiveData } from '../../domain/signals/sensitive-data';
import type { AnswerPromptInput } from './answer-prompt';
import type { ChatResult } from './chat-completion';
import { createCitationFilter, stripCitations } from './citation-filter';
import { type ArticleMetadata, formatArticles } from './retrieve-articles';

type Retrieved = TurnInput & { documents: Document<ArticleMetadata>[] };
type Prompted = Retrieved & { prompt: ChatPromptValueInterface };

/** One customer turn going through the chain. */
export type TurnInput = {
  question: string;
  history: ContextTurn[];
  /** No model call starts after this instant, and none runs past it. */
  deadline: number;
  /** Streams the visible text of the answer, when given. */
  onDelta?: (text: string) => void;
};

/** The model's answer, parsed: customer-visible text and the articles it cited. */
export interface DraftAnswer {
  /** The redacted question. */
  question: string;
  deadline: number;
  documents: Document<ArticleMetadata>[];
  completion: ChatResult;
  text: string;
  cited: string[];
}

export interface AnswerChainDeps {
  retrieve(question: string): Promise<Document<ArticleMetadata>[]>;
  fewShot: FewShotChatMessagePromptTemplate;
  prompt: ChatPromptTemplate<AnswerPromptInput>;
  /** Calls the model within the deadline (retries, timeouts and the circuit are the caller's). */
  complete(
    messages: ChatCompletionMessageParam[],
    deadline: number,
    onDelta?: (text: string) => void,
  ): Promise<ChatResult>;
}

/**
 * redact → retrieve articles → format them with examples and history → prompt → call the model → parse
 * the citations out of the text. Everything sent to the model is redacted in the first step.
 */
export function createAnswerChain(deps: AnswerChainDeps) {
  return RunnableSequence.from<TurnInput, DraftAnswer>([
    RunnableLambda.from(redactTurn),
    RunnablePassthrough.assign<TurnInput, Pick<Retrieved, 'documents'>>({
      documents: async (turn: TurnInput) => deps.retrieve(turn.question),
    }),
    RunnablePassthrough.assign<Retrieved, Pick<Prompted, 'prompt'>>({
      prompt: RunnableLambda.from(async (turn: Retrieved) => ({
        context: formatArticles(turn.documents),
        examples: await deps.fewShot.formatMessages({ question: turn.question }),
        history: turn.history.map(toMessage),
        question: turn.question,
      })).pipe(deps.prompt),
    }),
    RunnablePassthrough.assign<Prompted, { completion: ChatResult }>({
      completion: async (turn: Prompted) => {
        const messages = toOpenAiMessages(turn.prompt.toChatMessages());
        if (!turn.onDelta) return deps.complete(messages, turn.deadline);
        // The customer sees the text as it is written, without the citation marks.
        const filter = createCitationFilter(articleIds(turn.documents));
        const show = (text: string) => {
          if (text) turn.onDelta?.(text);
        };
        const completion = await deps.complete(messages, turn.deadline, (d) => show(filter.push(d)));
        show(filter.flush());
        return completion;
      },
    }),
    RunnableLambda.from((turn: Prompted & { completion: ChatResult }): DraftAnswer => {
      const { text, cited } = stripCitations(turn.completion.text, articleIds(turn.documents));
      return {
        question: turn.question,
        deadline: turn.deadline,
        documents: turn.documents,
        completion: turn.completion,
        text,
        cited,
      };
    }),
  ]);
}

const articleIds = (documents: readonly Document<ArticleMetadata>[]) =>
  new Set(documents.map((d) => d.metadata.id));

function redactTurn(turn: TurnInput): TurnInput {
  return {
    ...turn,
    question: redactSensitiveData(turn.question),
    history: turn.history.map((t) => ({ role: t.role, text: redactSensitiveData(t.text) })),
  };
}

/** Agents' replies are the support side of the conversation, like the bot's. */
function toMessage(turn: ContextTurn): BaseMessage {
  return turn.role === 'customer' ? new HumanMessage(turn.text) : new AIMessage(turn.text);
}

export function toOpenAiMessages(messages: readonly BaseMessage[]): ChatCompletionMessageParam[] {
  return messages.map((m): ChatCompletionMessageParam => {
    const type = m.getType();
    if (type === 'system') return { role: 'system', content: m.text };
    if (type === 'ai') return { role: 'assistant', content: m.text };
    return { role: 'user', content: m.text };
  });
}
