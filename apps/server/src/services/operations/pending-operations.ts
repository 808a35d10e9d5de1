import type { Conversation, Message } from '@hitl/shared/models';
import { createId } from '../../lib/ids';
import type { NewAuditEvent } from '../../store/store';
import { StoreConflictError } from '../../store/store-errors';
import { type AppendInput, appendAndNotify } from '../append-and-notify';
import { nowIso, type ServiceContext } from '../service-context';

/** The use cases of several writes that record what is left to do (see `PendingOperation`). */
export type OperationKind =
  | 'claim'
  | 'transfer'
  | 'hand_back'
  | 'close'
  | 'review_draft'
  | 'record_correction';

/**
 * Records the use case before its first write. The first write decides (a conditional store operation:
 * the claim, the draft review…); the writes after it only finish what it decided, each at most once
 * (their ids are in the payload), so they can be replayed after a crash (`resumeOperations`).
 */
export async function beginOperation<P extends object>(
  ctx: ServiceContext,
  kind: OperationKind,
  payload: P,
): Promise<{ id: string; payload: P }> {
  const id = createId('op');
  await ctx.store.beginOperation({
    id,
    kind,
    payload: payload as Record<string, unknown>,
    createdAt: nowIso(ctx),
  });
  return { id, payload };
}

/**
 * Runs a use case as its record says: `decide` makes the deciding write and returns the steps that
 * finish it. When `decide` throws (refused, or nothing to do), the record goes too; when the steps throw,
 * the record stays for the next start to finish.
 */
export async function runOperation<P extends object, R>(
  ctx: ServiceContext,
  kind: OperationKind,
  payload: P,
  decide: (payload: P) => Promise<() => Promise<R>>,
): Promise<R> {
  const operation = await beginOperation(ctx, kind, payload);
  let finish: () => Promise<R>;
  try {
    finish = await decide(operation.payload);
  } catch (error) {
    await ctx.store.finishOperation(operation.id);
    throw error;
  }
  const result = await finish();
  await ctx.store.finishOperation(operation.id);
  return result;
}

/** Appends a message under the id chosen beforehand, unless it exists already (a replayed step). */
export async function appendOnce(
  ctx: ServiceContext,
  conversationId: string,
  input: AppendInput & { id: string },
): Promise<{ message: Message; conversation: Conversation; created: boolean }> {
  const existing = await ctx.store.getMessage(input.id);
  if (!existing) {
    try {
      return await appendAndNotify(ctx, conversationId, input);
    } catch (error) {
      if (!(error instanceof StoreConflictError)) throw error;
    }
  }
  const message = existing ?? (await ctx.store.getMessage(input.id));
  const conversation = await ctx.store.getConversation(conversationId);
  if (!message || !conversation) throw new Error(`message ${input.id} vanished`);
  return { message, conversation, created: false };
}

/** Appends an audit event under the id chosen beforehand; a replay finds it there and adds nothing. */
export async function auditOnce(ctx: ServiceContext, event: NewAuditEvent): Promise<void> {
  try {
    await ctx.store.appendAudit(event);
  } catch (error) {
    if (!(error instanceof StoreConflictError)) throw error;
  }
}
