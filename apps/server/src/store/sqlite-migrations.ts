import type Database from 'better-sqlite3';

/**
 * Schema versions, applied in order at open. `PRAGMA user_version` records how many have run.
 * Never edit a released entry: append a new one.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    site_key TEXT NOT NULL,
    visitor_id TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('bot', 'queued', 'agent', 'closed')),
    assignee_id TEXT,
    assignee_name TEXT,
    reasons TEXT NOT NULL DEFAULT '[]',
    escalated_at TEXT,
    bot_context_from_seq INTEGER NOT NULL DEFAULT 0,
    last_seq INTEGER NOT NULL DEFAULT 0,
    last_message TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX conversations_by_state ON conversations (state, updated_at);
  CREATE INDEX conversations_by_visitor ON conversations (site_key, visitor_id, state);

  CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations (id),
    seq INTEGER NOT NULL,
    client_id TEXT,
    role TEXT NOT NULL,
    visibility TEXT NOT NULL CHECK (visibility IN ('public', 'internal')),
    text TEXT NOT NULL,
    author TEXT,
    bot TEXT,
    notice TEXT,
    correction_id TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (conversation_id, seq)
  ) STRICT;
  CREATE UNIQUE INDEX messages_by_client_id ON messages (conversation_id, client_id)
    WHERE client_id IS NOT NULL;

  CREATE TABLE corrections (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations (id),
    message_id TEXT NOT NULL REFERENCES messages (id),
    context TEXT NOT NULL,
    original TEXT NOT NULL,
    corrected_text TEXT NOT NULL,
    kind TEXT NOT NULL,
    reasons TEXT NOT NULL,
    note TEXT,
    agent_id TEXT NOT NULL,
    agent_name TEXT NOT NULL,
    edit_distance INTEGER NOT NULL,
    time_spent_ms INTEGER,
    created_at TEXT NOT NULL,
    review_status TEXT NOT NULL DEFAULT 'pending'
      CHECK (review_status IN ('pending', 'approved', 'rejected')),
    reviewer TEXT,
    reviewed_at TEXT,
    review_note TEXT
  ) STRICT;
  CREATE INDEX corrections_by_review ON corrections (review_status, created_at, id);
  CREATE INDEX corrections_by_agent ON corrections (agent_id, created_at, id);
  CREATE INDEX corrections_by_kind ON corrections (kind, created_at, id);
  CREATE INDEX corrections_by_created ON corrections (created_at, id);

  CREATE TABLE agents (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE UNIQUE INDEX agents_by_email ON agents (lower(email));

  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    agent_id TEXT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX sessions_by_expiry ON sessions (expires_at);
  CREATE INDEX sessions_by_agent ON sessions (agent_id);

  CREATE TABLE audit_events (
    id TEXT PRIMARY KEY,
    actor TEXT,
    action TEXT NOT NULL,
    target TEXT,
    data TEXT NOT NULL,
    at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX audit_events_by_time ON audit_events (at);
  `,
  `
  ALTER TABLE messages ADD COLUMN draft TEXT;
  ALTER TABLE conversations ADD COLUMN contact_email TEXT;

  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;
  `,
  `
  ALTER TABLE corrections ADD COLUMN topic TEXT;
  ALTER TABLE corrections ADD COLUMN review_edited INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX corrections_by_topic ON corrections (topic, created_at, id);
  `,
  `
  CREATE TABLE review_items (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations (id),
    message_id TEXT NOT NULL UNIQUE REFERENCES messages (id),
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    confidence REAL NOT NULL,
    topic TEXT,
    reasons TEXT NOT NULL,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'right', 'corrected')),
    reviewer_id TEXT,
    reviewer_name TEXT,
    reviewed_at TEXT,
    correction_id TEXT
  ) STRICT;
  CREATE INDEX review_items_by_status ON review_items (status, created_at, id);
  CREATE INDEX review_items_by_time ON review_items (created_at, id);
  CREATE INDEX messages_by_role_time ON messages (role, created_at);
  `,
  `
  CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    topic TEXT NOT NULL,
    answer TEXT NOT NULL,
    examples TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'retired')),
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT,
    updated_at TEXT NOT NULL,
    updated_by TEXT
  ) STRICT;
  CREATE INDEX messages_withheld ON messages (created_at, id)
    WHERE role = 'bot' AND visibility = 'internal' AND draft IS NULL;
  `,
  // 6: agents can be deactivated.
  `
  ALTER TABLE agents ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
  `,
  // 7: use cases of several writes record what is left to do, so a restart finishes them.
  `
  CREATE TABLE pending_operations (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;
  `,
  // 8: agents' replies by e-mail carry their delivery state.
  `
  ALTER TABLE messages ADD COLUMN email TEXT;
  `,
  // 9: the live monitor's fields and full-text search over messages.
  `
  ALTER TABLE conversations ADD COLUMN last_customer_text TEXT;
  ALTER TABLE conversations ADD COLUMN last_sentiment REAL;
  ALTER TABLE conversations ADD COLUMN last_confidence REAL;
  UPDATE conversations SET
    last_customer_text = (
      SELECT text FROM messages m
      WHERE m.conversation_id = conversations.id AND m.role = 'customer' AND m.visibility = 'public'
      ORDER BY m.seq DESC LIMIT 1
    ),
    last_confidence = (
      SELECT json_extract(m.bot, '$.confidence') FROM messages m
      WHERE m.conversation_id = conversations.id AND m.bot IS NOT NULL
      ORDER BY m.seq DESC LIMIT 1
    );
  CREATE INDEX conversations_by_update ON conversations (updated_at, id);
  CREATE INDEX conversations_by_assignee ON conversations (assignee_id, updated_at);

  -- Full-text search over what was said (public customer, bot and agent messages). The index keeps its own
  -- copy of the text, keyed by message id rather than rowid: a VACUUM may renumber the rowids of a table
  -- with a TEXT primary key, which would silently point an external-content index at the wrong rows.
  CREATE VIRTUAL TABLE messages_fts USING fts5(
    text, message_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages
    WHEN new.visibility = 'public' AND new.role <> 'system'
  BEGIN
    INSERT INTO messages_fts (text, message_id) VALUES (new.text, new.id);
  END;
  CREATE TRIGGER messages_fts_update AFTER UPDATE OF text, visibility, role ON messages
  BEGIN
    DELETE FROM messages_fts WHERE message_id = old.id;
    INSERT INTO messages_fts (text, message_id)
      SELECT new.text, new.id WHERE new.visibility = 'public' AND new.role <> 'system';
  END;
  CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages
  BEGIN
    DELETE FROM messages_fts WHERE message_id = old.id;
  END;
  INSERT INTO messages_fts (text, message_id)
    SELECT text, id FROM messages WHERE visibility = 'public' AND role <> 'system' ORDER BY rowid;
  `,
  // 10: the bot's turns are durable: which question awaits a reply, and which turn answered which question.
  `
  ALTER TABLE conversations ADD COLUMN awaiting_bot_seq INTEGER;
  ALTER TABLE conversations ADD COLUMN answered_seq INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE conversations ADD COLUMN answered_by TEXT;
  CREATE INDEX conversations_awaiting_bot ON conversations (awaiting_bot_seq) WHERE awaiting_bot_seq IS NOT NULL;
  `,
  // 11: site keys edited in the console.
  `
  CREATE TABLE site_keys (
    key TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    origins TEXT NOT NULL,
    greeting TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;
  `,
  // 12: the team's canned responses; the shortcut is unique, so two editors cannot both take one.
  `
  CREATE TABLE canned_responses (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    shortcut TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT,
    updated_at TEXT NOT NULL,
    updated_by TEXT
  ) STRICT;
  `,
  // 13: how a conversation ended, and its tags (given when it is closed).
  `
  ALTER TABLE conversations ADD COLUMN close_outcome TEXT;
  ALTER TABLE conversations ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
  `,
  // 14: a conversation's timeline: escalations, claims, transfers, hand-backs, drafts, corrections, the close.
  `
  CREATE TABLE conversation_events (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    at TEXT NOT NULL,
    event TEXT NOT NULL
  );
  CREATE INDEX conversation_events_by_conversation ON conversation_events (conversation_id, at, id);
  `,
  // 15: what the site says about each visitor (identity, current page).
  `
  CREATE TABLE visitor_profiles (
    site_key TEXT NOT NULL,
    visitor_id TEXT NOT NULL,
    identity TEXT,
    page TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (site_key, visitor_id)
  ) STRICT;
  -- A visitor's earlier conversations, newest first, paged by (updated_at, id).
  CREATE INDEX conversations_by_visitor_recent ON conversations (site_key, visitor_id, updated_at, id);
  `,
  // 16: the customer's satisfaction rating of a closed conversation.
  `
  ALTER TABLE conversations ADD COLUMN satisfaction_rating INTEGER;
  ALTER TABLE conversations ADD COLUMN satisfaction_comment TEXT;
  ALTER TABLE conversations ADD COLUMN satisfaction_at TEXT;
  `,
  // 17: counting pending drafts (/metrics) without scanning every message.
  `
  CREATE INDEX messages_pending_drafts ON messages (created_at, id) WHERE json_extract(draft, '$.status') = 'pending';
  `,
  // 18: what a waiting customer is told: each site's queue, and how long its recent takeovers took.
  `
  ALTER TABLE conversation_events ADD COLUMN site_key TEXT;
  ALTER TABLE conversation_events ADD COLUMN waited_ms INTEGER;
  CREATE INDEX conversation_events_takeovers ON conversation_events (site_key, at) WHERE waited_ms IS NOT NULL;
  CREATE INDEX conversations_queued_by_site ON conversations (site_key, escalated_at, id) WHERE state = 'queued';
  `,
  // 19: analytics. Timeline events carry what the figures count (durations are computed once, when written);
  // older events get their kind, site and actor, not durations.
  `
  ALTER TABLE conversation_events ADD COLUMN kind TEXT;
  ALTER TABLE conversation_events ADD COLUMN conversation_created_at TEXT;
  ALTER TABLE conversation_events ADD COLUMN actor_id TEXT;
  ALTER TABLE conversation_events ADD COLUMN new_owner_id TEXT;
  ALTER TABLE conversation_events ADD COLUMN ended_owner_id TEXT;
  ALTER TABLE conversation_events ADD COLUMN handle_ms INTEGER;
  ALTER TABLE conversation_events ADD COLUMN wait_ms INTEGER;
  ALTER TABLE conversation_events ADD COLUMN topic TEXT;
  ALTER TABLE conversation_events ADD COLUMN question TEXT;
  ALTER TABLE conversation_events ADD COLUMN signals TEXT NOT NULL DEFAULT '[]';
  UPDATE conversation_events SET
    kind = json_extract(event, '$.kind'),
    actor_id = json_extract(event, '$.actor.id'),
    site_key = (SELECT site_key FROM conversations c WHERE c.id = conversation_events.conversation_id),
    conversation_created_at = (SELECT created_at FROM conversations c WHERE c.id = conversation_events.conversation_id);
  CREATE INDEX conversation_events_by_kind ON conversation_events (kind, at);
  CREATE INDEX conversation_events_by_conversation_start ON conversation_events (kind, conversation_created_at);
  CREATE INDEX conversations_by_created ON conversations (created_at, site_key);
  -- Drafts by decision and reviewer, read from the index alone.
  CREATE INDEX messages_drafts ON messages (
    created_at, json_extract(draft, '$.status'), json_extract(draft, '$.reviewer.id')
  ) WHERE draft IS NOT NULL;
  -- Whether an agent wrote in a conversation (the bot resolved it otherwise): only agents' messages are indexed.
  CREATE INDEX messages_agent_by_conversation ON messages (conversation_id) WHERE role = 'agent';
  CREATE INDEX review_items_by_review ON review_items (status, reviewed_at);
  CREATE INDEX corrections_by_reviewed ON corrections (review_status, reviewed_at);
  `,
  // 20: how long each customer waited for the first answer (the analytics' time to first reply).
  `
  ALTER TABLE conversations ADD COLUMN first_reply_ms INTEGER;
  `,
  // 21: how long a reviewer spent on a correction's review (the analytics' expert time).
  `
  ALTER TABLE corrections ADD COLUMN review_time_ms INTEGER;
  `,
  // 22: a new message enters the full-text index from the append itself (same savepoint), not from a trigger:
  // through the trigger the index insert cost twice as much (48 against 23 µs per bot reply, measured).
  `
  DROP TRIGGER messages_fts_insert;
  `,
];

/**
 * Brings the schema up to date, one transaction per version, and returns the resulting version.
 * Running it on an up-to-date database does nothing.
 */
export function applyMigrations(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(
      `database schema version ${current} is newer than this server supports (${migrations.length})`,
    );
  }
  for (let version = current; version < migrations.length; version++) {
    const sql = migrations[version] as string;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
  return migrations.length;
}
