import { escapeRegExp, type SearchMatch, searchSnippet, searchTerms } from '@hitl/shared/conversation-search';
import mongoose, { type QueryFilter } from 'mongoose';
import type { ConversationDoc, MessageDoc } from './mongo-documents';
import type { MongoModels } from './mongo-models';
import { toConversation } from './mongo-rows';
import type { ConversationSearch, SearchMethods } from './store';
import { toUtcIso } from './timestamps';

const TEXT_INDEX = 'messages_text';

/**
 * Conversation search on MongoDB. Words are matched by `$text` over a text index on the messages' text
 * (no stemming, no stop words: `default_language: 'none'`, so a word matches as the SQLite adapter's FTS5
 * matches it). A server without text search — FerretDB v1 refuses both the index and `$text` — gets the
 * same semantics from a case-insensitive match of each escaped word between word boundaries: slower on a
 * large collection, but still executed by the database.
 *
 * There are no joins (`$lookup` is missing from FerretDB v1 too), so a page is read in steps, each a query
 * the server runs: the ids of the conversations with a matching message (grouped server-side), the page of
 * conversations among them that pass the other filters, then the matching messages of that page only.
 */
export async function createMongoSearch(models: MongoModels): Promise<SearchMethods> {
  let textSearch = await ensureTextIndex(models);

  const textFilter = (terms: string[], useText: boolean): QueryFilter<MessageDoc> =>
    useText
      ? { $text: mongoose.trusted({ $search: terms.map((term) => `"${term}"`).join(' ') }) }
      : {
          $and: terms.map((term) => ({
            text: mongoose.trusted({ $regex: `\\b${escapeRegExp(term)}\\b`, $options: 'i' }),
          })),
        };

  /** Runs a step with `$text`, falling back to word matching for good once the server says it cannot. */
  async function withText<T>(run: (useText: boolean) => Promise<T>): Promise<T> {
    if (!textSearch) return run(false);
    try {
      return await run(true);
    } catch (error) {
      if (!isTextSearchUnsupported(error)) throw error;
      textSearch = false;
      return run(false);
    }
  }

  return {
    async searchConversations(query) {
      const terms = searchTerms(query.text ?? '');
      const spoken: QueryFilter<MessageDoc> = {
        visibility: 'public',
        role: mongoose.trusted({ $ne: 'system' as const }),
      };
      let candidates: Set<string> | null = null;
      if (query.topic !== undefined) {
        const ids = await models.messages.distinct('conversationId', { 'bot.topic': query.topic });
        candidates = new Set(ids.map(String));
      }
      if (terms.length > 0) {
        const rows = await withText((useText) =>
          models.messages
            .aggregate<{ _id: string }>([
              { $match: { ...textFilter(terms, useText), ...spoken } },
              { $group: { _id: '$conversationId' } },
            ])
            .exec(),
        );
        const hits: Set<string> = new Set(rows.map((row) => row._id));
        candidates = candidates === null ? hits : new Set([...candidates].filter((id) => hits.has(id)));
      }

      const filter = conversationFilter(query);
      if (candidates !== null) filter._id = mongoose.trusted({ $in: [...candidates] });
      const docs = await models.conversations
        .find(filter)
        .sort({ updatedAt: -1, _id: -1 })
        .limit(query.limit + 1)
        .lean<ConversationDoc[]>();
      const page = docs.slice(0, query.limit);

      const matches = new Map<string, SearchMatch>();
      if (terms.length > 0 && page.length > 0) {
        const messages = await withText((useText) =>
          models.messages
            .find({
              ...textFilter(terms, useText),
              ...spoken,
              conversationId: mongoose.trusted({ $in: page.map((doc) => doc._id) }),
            })
            .sort({ seq: -1 })
            .lean<MessageDoc[]>(),
        );
        for (const message of messages) {
          if (matches.has(message.conversationId)) continue;
          matches.set(message.conversationId, {
            messageId: message._id,
            seq: message.seq,
            role: message.role,
            createdAt: message.createdAt,
            snippet: searchSnippet(message.text, terms),
          });
        }
      }
      const last = page.at(-1);
      return {
        hits: page.map((doc) => ({ conversation: toConversation(doc), match: matches.get(doc._id) ?? null })),
        next: docs.length > query.limit && last ? { updatedAt: last.updatedAt, id: last._id } : null,
      };
    },
  };
}

function conversationFilter(query: ConversationSearch): QueryFilter<ConversationDoc> {
  const filter: QueryFilter<ConversationDoc> = {};
  if (query.states !== undefined) filter.state = mongoose.trusted({ $in: [...query.states] });
  if (query.reason !== undefined) filter['reasons.signal'] = query.reason;
  if (query.agentId !== undefined) filter.assigneeId = query.agentId;
  if (query.siteKey !== undefined) filter.siteKey = query.siteKey;
  if (query.from !== undefined || query.to !== undefined) {
    filter.updatedAt = mongoose.trusted({
      ...(query.from === undefined ? {} : { $gte: toUtcIso(query.from) }),
      ...(query.to === undefined ? {} : { $lt: toUtcIso(query.to) }),
    });
  }
  if (query.before !== undefined) {
    const updatedAt = toUtcIso(query.before.updatedAt);
    filter.$or = [
      { updatedAt: mongoose.trusted({ $lt: updatedAt }) },
      { updatedAt, _id: mongoose.trusted({ $lt: query.before.id }) },
    ];
  }
  return filter;
}

/** Creates the text index when the server can; false when it reports text search unsupported. */
async function ensureTextIndex(models: MongoModels): Promise<boolean> {
  try {
    await models.messages.collection.createIndex(
      { text: 'text' },
      { name: TEXT_INDEX, default_language: 'none' },
    );
    return true;
  } catch (error) {
    if (isTextSearchUnsupported(error)) return false;
    throw error;
  }
}

/**
 * The answers of a server without text search: FerretDB v1 says `IndexNotFound` (27) to a text index and
 * `BadValue` (2, "unknown top level operator: $text") to a query; others say `NotImplemented` (238) or
 * `CommandNotSupported` (115).
 */
function isTextSearchUnsupported(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code === 27 || code === 115 || code === 238) return true;
  return code === 2 && typeof message === 'string' && message.includes('$text');
}
