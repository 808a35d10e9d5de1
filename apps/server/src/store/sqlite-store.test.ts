import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { describeStoreContract } from '../../../../test/store-contract/store-contract';
import {
  agentFixture,
  at,
  botMeta,
  botReplyFixture,
  conversationFixture,
  correctionFixture,
  filterFixture,
  messageFixture,
  pendingDraftFixture,
  sessionFixture,
} from '../../../../test/store-contract/store-fixtures';
import { openDatabase } from './sqlite-database';
import { applyMigrations, migrations } from './sqlite-migrations';
import { createSqliteStore } from './sqlite-store';
import type { Store } from './store';

const directories: string[] = [];

/** A path in a fresh directory under the system temp dir; the directory itself does not exist yet. */
function tempFile(): string {
  const directory = join(tmpdir(), `hitl-store-${randomUUID()}`);
  directories.push(directory);
  return join(directory, 'nested', 'store.db');
}

async function removeTempFiles(): Promise<void> {
  await Promise.all(directories.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

const files = new WeakMap<Store, string>();

describeStoreContract(
  'sqlite file',
  async () => {
    const file = tempFile();
    const store = await createSqliteStore({ file });
    files.set(store, file);
    return store;
  },
  async (store) => {
    await store.close();
    await removeTempFiles();
  },
);

describeStoreContract('sqlite in memory', () => createSqliteStore({ file: ':memory:' }));

describe('sqlite store', () => {
  afterEach(removeTempFiles);

  it('keeps everything it acknowledged across a restart', async () => {
    const file = tempFile();
    const first = await createSqliteStore({ file });
    const conversation = await first.createConversation(conversationFixture());
    const { message } = await first.appendMessage(
      messageFixture(conversation.id, { clientId: 'client_durable_1' }),
    );
    const reply = await first.appendMessage(botReplyFixture(conversation.id));
    const correction = await first.createCorrection(
      correctionFixture(conversation.id, reply.message.id, { reasons: ['tone', 'policy'] }),
    );
    const agent = await first.createAgent(agentFixture());
    const session = sessionFixture(agent.id);
    await first.createSession(session);
    await first.close();

    const second = await createSqliteStore({ file });
    try {
      expect(await second.getConversation(conversation.id)).toMatchObject({ lastSeq: 2 });
      expect(await second.getMessage(message.id)).toEqual(message);
      expect(await second.getCorrection(correction.id)).toEqual(correction);
      expect(await second.getAgent(agent.id)).toEqual(agent);
      expect(await second.getSession(session.tokenHash, at(1))).toEqual(session);
      const retry = await second.appendMessage(
        messageFixture(conversation.id, { clientId: 'client_durable_1' }),
      );
      expect(retry).toMatchObject({ message, created: false, conversation: { lastSeq: 2 } });
      expect((await second.appendMessage(botReplyFixture(conversation.id))).message.seq).toBe(3);
    } finally {
      await second.close();
    }
  });

  it('acknowledges appends of one event-loop turn together, each once its commit is on disk', async () => {
    const file = tempFile();
    const store = await createSqliteStore({ file });
    const other = new Database(file, { readonly: true });
    try {
      const ids = await Promise.all(
        Array.from({ length: 5 }, async () => (await store.createConversation(conversationFixture())).id),
      );
      // All five are asked for in one turn; each resolves after the one commit they share.
      const messages = await Promise.all(
        ids.map(async (id) => (await store.appendMessage(messageFixture(id))).message),
      );
      expect(messages.map((m) => m.seq)).toEqual([1, 1, 1, 1, 1]);
      // Another connection (another process) sees them all by the time their callers hear of them.
      const seen = other
        .prepare(`SELECT count(*) AS n FROM messages WHERE id IN (${messages.map(() => '?').join(', ')})`)
        .get(...messages.map((m) => m.id)) as { n: number };
      expect(seen.n).toBe(5);
    } finally {
      other.close();
      await store.close();
    }
  });

  it('commits the appends still waiting when the store closes', async () => {
    const file = tempFile();
    const first = await createSqliteStore({ file });
    const { id } = await first.createConversation(conversationFixture());
    const pending = first.appendMessage(messageFixture(id, { text: 'asked just before closing' }));
    await first.close();
    const { message } = await pending;

    const second = await createSqliteStore({ file });
    try {
      expect(await second.getMessage(message.id)).toEqual(message);
    } finally {
      await second.close();
    }
  });

  it('applies migrations once and records the schema version', async () => {
    const file = tempFile();
    await (await createSqliteStore({ file })).close();
    await (await createSqliteStore({ file })).close();
    const db = new Database(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(applyMigrations(db)).toBe(migrations.length);
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    } finally {
      db.close();
    }
  });

  it('upgrades a database of the first schema version without losing its data', async () => {
    const file = tempFile();
    mkdirSync(dirname(file), { recursive: true });
    const old = new Database(file);
    try {
      old.exec(migrations[0] as string);
      old.pragma('user_version = 1');
      old
        .prepare(
          `INSERT INTO conversations (id, site_key, visitor_id, state, last_seq, created_at, updated_at)
           VALUES ('conv_old', 'site_demo', 'visitor_old', 'bot', 1, @at, @at)`,
        )
        .run({ at: at(1) });
      old
        .prepare(
          `INSERT INTO messages (id, conversation_id, seq, role, visibility, text, created_at)
           VALUES ('msg_old', 'conv_old', 1, 'customer', 'public', 'Hello', @at)`,
        )
        .run({ at: at(1) });
      const { topic: _topic, ...oldBotMeta } = botMeta;
      old
        .prepare(
          `INSERT INTO messages (id, conversation_id, seq, role, visibility, text, bot, created_at)
           VALUES ('msg_old_bot', 'conv_old', 2, 'bot', 'public', 'Hi!', @bot, @at)`,
        )
        .run({ bot: JSON.stringify(oldBotMeta), at: at(2) });
      const { topic: _none, ...oldCorrection } = correctionFixture('conv_old', 'msg_old_bot', {
        id: 'cor_old',
      });
      old
        .prepare(
          `INSERT INTO corrections (id, conversation_id, message_id, context, original, corrected_text, kind,
             reasons, agent_id, agent_name, edit_distance, created_at, review_status)
           VALUES (@id, @conversationId, @messageId, @context, @original, @correctedText, @kind,
             @reasons, 'agent_ana', 'Ana', @editDistance, @createdAt, 'approved')`,
        )
        .run({
          id: oldCorrection.id,
          conversationId: oldCorrection.conversationId,
          messageId: oldCorrection.messageId,
          context: JSON.stringify(oldCorrection.context),
          original: JSON.stringify(oldCorrection.original),
          correctedText: oldCorrection.correctedText,
          kind: oldCorrection.kind,
          reasons: JSON.stringify(oldCorrection.reasons),
          editDistance: oldCorrection.editDistance,
          createdAt: oldCorrection.createdAt,
        });
    } finally {
      old.close();
    }

    const store = await createSqliteStore({ file });
    try {
      expect(await store.getConversation('conv_old')).toMatchObject({
        lastSeq: 1,
        contactEmail: null,
        lastCustomerText: 'Hello',
        lastSentiment: null,
        lastConfidence: botMeta.confidence,
      });
      // Messages stored before the search index existed are found: the migration indexed them.
      const found = await store.searchConversations({ text: 'hello', limit: 5 });
      expect(found.hits.map((hit) => [hit.conversation.id, hit.match?.messageId])).toEqual([
        ['conv_old', 'msg_old'],
      ]);
      expect(await store.getMessage('msg_old')).toMatchObject({ text: 'Hello', draft: null });
      expect((await store.getMessage('msg_old_bot'))?.bot).toEqual({ ...botMeta, topic: null });
      expect(await store.getCorrection('cor_old')).toMatchObject({
        topic: null,
        review: { status: 'approved', edited: false },
      });
      expect(await store.listCorrections(filterFixture({ topic: 'shipping' }))).toEqual([]);
      expect(await store.reviewDraft('msg_old', pendingDraftFixture({ status: 'approved' }))).toBeNull();
      expect(await store.setConversationContact('conv_old', 'old@example.com', at(2))).toMatchObject({
        contactEmail: 'old@example.com',
      });
      await store.putSetting('escalation_policy', { mode: 'approval' }, at(3));
      expect(await store.getSetting('escalation_policy')).toEqual({
        value: { mode: 'approval' },
        updatedAt: at(3),
      });
    } finally {
      await store.close();
    }
  });

  it('refuses a database written by a newer schema', async () => {
    const file = tempFile();
    await (await createSqliteStore({ file })).close();
    const db = new Database(file);
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.close();
    await expect(createSqliteStore({ file })).rejects.toThrow(/newer/);
  });

  it('opens the file in WAL mode with full sync, foreign keys and a busy timeout', async () => {
    const db = openDatabase(tempFile());
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it('closes a stream that is still open when the store closes', async () => {
    const store = await createSqliteStore({ file: tempFile() });
    const conversation = await store.createConversation(conversationFixture());
    const { message } = await store.appendMessage(botReplyFixture(conversation.id));
    await store.createCorrection(correctionFixture(conversation.id, message.id));
    await store.createCorrection(correctionFixture(conversation.id, message.id));
    const stream = store.iterateCorrections(filterFixture())[Symbol.asyncIterator]();
    expect((await stream.next()).done).toBe(false);
    await store.close();
    await expect(stream.next()).rejects.toThrow(/closed/);
  });
});
