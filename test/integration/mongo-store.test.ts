import { randomBytes } from 'node:crypto';
import type { BotMeta } from '@hitl/shared/models';
import type { Connection } from 'mongoose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openMongoConnection } from '../../apps/server/src/store/mongo-connection';
import { toMessageDoc } from '../../apps/server/src/store/mongo-rows';
import { createMongoStore } from '../../apps/server/src/store/mongo-store';
import type { Store } from '../../apps/server/src/store/store';
import { StoreNotFoundError } from '../../apps/server/src/store/store-errors';
import { describeStoreContract } from '../store-contract/store-contract';
import {
  agentFixture,
  at,
  botMeta,
  botReplyFixture,
  conversationFixture,
  correctionFixture,
  filterFixture,
  messageFixture,
  sessionFixture,
} from '../store-contract/store-fixtures';
import { startMongoForTests, type TestMongo } from '../support/ferretdb';

let mongo: TestMongo;
/** A connection of the test's own, to inspect and drop the stores' databases. */
let admin: Connection;

beforeAll(async () => {
  mongo = await startMongoForTests();
  admin = await openMongoConnection(mongo.uri);
});

afterAll(async () => {
  await admin?.close();
  await mongo?.stop();
});

const databases = new WeakMap<Store, string>();

/** A store on a database of its own, so tests never see each other's data. */
async function openStore(dbName = `t_${randomBytes(6).toString('hex')}`): Promise<Store> {
  const store = await createMongoStore({ uri: mongo.uri, dbName });
  databases.set(store, dbName);
  return store;
}

async function dropStore(store: Store): Promise<void> {
  await store.close();
  const dbName = databases.get(store);
  if (dbName !== undefined) await admin.useDb(dbName, { useCache: false }).dropDatabase();
}

describeStoreContract('mongo', () => openStore(), dropStore);

describe('mongo store', () => {
  const opened: Store[] = [];
  const track = (store: Store) => {
    opened.push(store);
    return store;
  };

  afterEach(async () => {
    await Promise.all(opened.splice(0).map(dropStore));
  });

  const collection = (store: Store, name: string) =>
    admin.getClient().db(databases.get(store)).collection(name);

  it('creates the indexes the queries need, unique where the port needs it', async () => {
    const store = track(await openStore());
    type IndexSummary = { key: Record<string, unknown>; unique: boolean };
    const byKey = (list: IndexSummary[]) =>
      list.sort((a, b) => JSON.stringify(a.key).localeCompare(JSON.stringify(b.key)));
    const indexes = async (name: string) =>
      byKey(
        (await collection(store, name).listIndexes().toArray())
          .filter((index) => index.name !== '_id_' && index.name !== 'messages_text')
          .map((index) => ({ key: index.key, unique: index.unique === true })),
      );

    expect(await indexes('conversations')).toEqual(
      byKey([
        { key: { siteKey: 1, visitorId: 1, state: 1, updatedAt: -1 }, unique: false },
        { key: { state: 1, updatedAt: -1 }, unique: false },
        { key: { updatedAt: -1 }, unique: false },
        { key: { awaitingBotSeq: 1 }, unique: false },
        { key: { state: 1, escalatedAt: 1 }, unique: false },
        { key: { siteKey: 1, visitorId: 1, updatedAt: -1, _id: -1 }, unique: false },
        { key: { createdAt: 1 }, unique: false },
        { key: { siteKey: 1, state: 1, queueRank: 1, escalatedAt: 1, _id: 1 }, unique: false },
      ]),
    );
    expect(await indexes('conversation_events')).toEqual(
      byKey([
        { key: { conversationId: 1, at: 1, _id: 1 }, unique: false },
        { key: { siteKey: 1, at: -1 }, unique: false },
        { key: { kind: 1, at: 1 }, unique: false },
      ]),
    );
    expect(await indexes('messages')).toEqual(
      byKey([
        { key: { conversationId: 1, dedupKey: 1 }, unique: true },
        { key: { conversationId: 1, turnId: 1 }, unique: false },
        { key: { conversationId: 1, seq: 1 }, unique: true },
        { key: { role: 1, createdAt: -1 }, unique: false },
        { key: { 'draft.status': 1, createdAt: -1 }, unique: false },
        { key: { role: 1, visibility: 1, createdAt: -1 }, unique: false },
        { key: { siteKey: 1, visitorId: 1, clientId: 1 }, unique: false },
      ]),
    );
    expect(await indexes('corrections')).toEqual(
      byKey([
        { key: { 'review.status': 1, createdAt: 1 }, unique: false },
        { key: { agentId: 1, createdAt: 1 }, unique: false },
        { key: { createdAt: 1, _id: 1 }, unique: false },
        { key: { kind: 1, createdAt: 1 }, unique: false },
        { key: { topic: 1, createdAt: 1 }, unique: false },
      ]),
    );
    expect(await indexes('agents')).toEqual(byKey([{ key: { emailLower: 1 }, unique: true }]));
    expect(await indexes('sessions')).toEqual(
      byKey([
        { key: { agentId: 1 }, unique: false },
        { key: { expiresAt: 1 }, unique: false },
      ]),
    );
    expect(await indexes('audit_events')).toEqual(byKey([{ key: { at: -1 }, unique: false }]));
    expect(await indexes('review_items')).toEqual(
      byKey([
        { key: { createdAt: -1, _id: -1 }, unique: false },
        { key: { messageId: 1 }, unique: true },
        { key: { status: 1, createdAt: -1, _id: -1 }, unique: false },
      ]),
    );
    expect(await indexes('articles')).toEqual(
      byKey([{ key: { status: 1, createdAt: 1, _id: 1 }, unique: false }]),
    );
  });

  it('has the messages text index exactly when the server supports text indexes', async () => {
    const store = track(await openStore());
    const names = (await collection(store, 'messages').listIndexes().toArray()).map((index) => index.name);
    const probe = collection(store, 'text_probe');
    const supported = await probe.createIndex({ text: 'text' }).then(
      () => true,
      () => false,
    );
    expect(names.includes('messages_text')).toBe(supported);
    // Either way the words are found (by `$text`, or by word matching on FerretDB v1).
    const conversation = await store.createConversation(conversationFixture());
    await store.appendMessage(
      messageFixture(conversation.id, { text: 'My lamp (model X-2) arrived broken' }),
    );
    const page = await store.searchConversations({ text: 'x 2 lamp', limit: 5 });
    expect(page.hits.map((hit) => hit.match?.snippet)).toEqual(['My lamp (model X-2) arrived broken']);
  });

  it('opens an existing database again without touching its data', async () => {
    const store = track(await openStore());
    const conversation = await store.createConversation(conversationFixture());
    const again = track(await openStore(databases.get(store)));
    expect(await again.getConversation(conversation.id)).toEqual(conversation);
  });

  it('reads bot replies and corrections stored before topics and reviewer edits existed', async () => {
    const store = track(await openStore());
    const conversation = await store.createConversation(conversationFixture());
    const { topic: _topic, ...oldBotMeta } = botMeta;
    const reply = botReplyFixture(conversation.id, { bot: oldBotMeta as BotMeta });
    await store.appendMessage(reply);
    const input = correctionFixture(conversation.id, reply.id);
    await store.createCorrection(input);
    await collection(store, 'corrections').updateOne({ _id: input.id } as never, {
      $unset: { topic: '', 'review.edited': '' },
    });
    expect((await store.getMessage(reply.id))?.bot).toEqual({ ...botMeta, topic: null });
    expect(await store.getCorrection(input.id)).toMatchObject({ topic: null, review: { edited: false } });
    expect(await store.listCorrections(filterFixture({ topic: 'shipping' }))).toEqual([]);
  });

  it('treats an operator object where an id belongs as a value that matches nothing', async () => {
    const store = track(await openStore());
    const conversation = await store.createConversation(conversationFixture());
    const { message } = await store.appendMessage(messageFixture(conversation.id));
    const agent = await store.createAgent(agentFixture());
    const session = sessionFixture(agent.id);
    await store.createSession(session);
    const correction = await store.createCorrection(correctionFixture(conversation.id, message.id));
    const anything = { $gt: '' } as never;

    expect(await store.getConversation(anything)).toBeNull();
    expect(await store.findOpenConversation(anything, anything)).toBeNull();
    expect(await store.getMessage({ $ne: null } as never)).toBeNull();
    expect(await store.listMessages(anything, { afterSeq: 0, includeInternal: true })).toEqual([]);
    expect(await store.findVisitorMessageByClientId(anything, anything, anything)).toBeNull();
    expect(await store.getCorrection(anything)).toBeNull();
    expect(await store.getAgent(anything)).toBeNull();
    expect(await store.findAgentCredentials({ $regex: '.*' } as never)).toBeNull();
    expect(await store.getSession(anything, at(0))).toBeNull();

    expect(
      await store.transitionConversation(anything, ['bot'], { state: 'closed', updatedAt: at(9) }),
    ).toBeNull();
    await expect(store.setMessageCorrection(anything, 'corr_x')).rejects.toBeInstanceOf(StoreNotFoundError);
    expect(
      await store.reviewCorrection(anything, {
        status: 'approved',
        reviewer: agent,
        at: at(9),
        note: null,
        edited: false,
      }),
    ).toBeNull();
    await store.deleteSession(anything);

    expect(await store.getConversation(conversation.id)).toEqual({
      ...conversation,
      lastSeq: 1,
      lastMessage: message.text,
      lastCustomerText: message.text,
      updatedAt: message.createdAt,
    });
    expect(await store.getMessage(message.id)).toEqual(message);
    expect(await store.getCorrection(correction.id)).toEqual(correction);
    expect(await store.getSession(session.tokenHash, at(0))).toEqual(session);
  });

  it('refuses an operator object inside a correction filter instead of running it', async () => {
    const store = track(await openStore());
    const conversation = await store.createConversation(conversationFixture());
    const { message } = await store.appendMessage(botReplyFixture(conversation.id));
    await store.createCorrection(correctionFixture(conversation.id, message.id));
    const hostile = filterFixture({ agentId: { $ne: 'nobody' } as never });
    await expect(store.listCorrections(hostile)).rejects.toThrow();
    expect(await store.listCorrections(filterFixture())).toHaveLength(1);
  });

  it('numbers messages without gaps when two server processes append to one conversation', async () => {
    const first = track(await openStore());
    const second = await createMongoStore({ uri: mongo.uri, dbName: databases.get(first) as string });
    try {
      const { id } = await first.createConversation(conversationFixture());
      const stores = [first, second];
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          (stores[i % 2] as Store).appendMessage(messageFixture(id, { text: `message ${i}` })),
        ),
      );
      const seqs = results.map((result) => result.message.seq).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));

      const retries = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (stores[i % 2] as Store).appendMessage(messageFixture(id, { clientId: 'client_both_1' })),
        ),
      );
      expect(retries.filter((result) => result.created)).toHaveLength(1);
      expect(new Set(retries.map((result) => result.message.id)).size).toBe(1);
      expect((await first.getConversation(id))?.lastSeq).toBe(61);
      expect((await second.getConversation(id))?.lastSeq).toBe(61);
    } finally {
      await second.close();
    }
  });

  it('recovers a message whose conversation was never moved onto it', async () => {
    const store = track(await openStore());
    const conversation = await store.createConversation(conversationFixture());
    // What a process that died between the insert and the conversation update leaves behind.
    const orphan = messageFixture(conversation.id, { clientId: 'client_orphan_1', createdAt: at(5) });
    await collection(store, 'messages').insertOne(toMessageDoc(orphan, 1, conversation) as never);
    expect(await store.getConversation(conversation.id)).toMatchObject({ lastSeq: 0 });

    const retry = await store.appendMessage(messageFixture(conversation.id, { clientId: 'client_orphan_1' }));
    expect(retry).toMatchObject({ created: false, message: { id: orphan.id, seq: 1 } });
    expect(await store.getConversation(conversation.id)).toMatchObject({
      lastSeq: 1,
      lastMessage: orphan.text,
      updatedAt: at(5),
    });

    const another = messageFixture(conversation.id, { clientId: 'client_orphan_2', createdAt: at(6) });
    await collection(store, 'messages').insertOne(toMessageDoc(another, 2, conversation) as never);
    const next = await store.appendMessage(botReplyFixture(conversation.id, { createdAt: at(7) }));
    expect(next.message.seq).toBe(3);
    expect(await store.getConversation(conversation.id)).toMatchObject({ lastSeq: 3, updatedAt: at(7) });
  });

  it('ends an open stream with an error when the store closes', async () => {
    const store = await openStore();
    try {
      const conversation = await store.createConversation(conversationFixture());
      const { message } = await store.appendMessage(botReplyFixture(conversation.id));
      await store.createCorrection(correctionFixture(conversation.id, message.id));
      await store.createCorrection(correctionFixture(conversation.id, message.id));
      const stream = store.iterateCorrections(filterFixture())[Symbol.asyncIterator]();
      expect((await stream.next()).done).toBe(false);
      await store.close();
      await expect(stream.next()).rejects.toThrow(/closed/);
    } finally {
      await dropStore(store);
    }
  });

  it('asks for majority, journaled acknowledgement of every write', async () => {
    const connection = await openMongoConnection(mongo.uri);
    try {
      expect(connection.getClient().writeConcern).toMatchObject({ w: 'majority', journal: true });
    } finally {
      await connection.close();
    }
  });
});
