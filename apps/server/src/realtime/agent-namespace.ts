import {
  agentSendSchema,
  answerMarkSchema,
  conversationCloseSchema,
  conversationListSchema,
  conversationRefSchema,
  conversationWatchSchema,
  correctionCreateSchema,
  draftApproveSchema,
  draftReviseSchema,
  noteSendSchema,
} from '@hitl/shared/agent-events';
import { SESSION_COOKIE } from '@hitl/shared/rest';
import { reviewMarkSchema } from '@hitl/shared/review-items';
import { conversationTransferSchema, presenceSetSchema } from '@hitl/shared/team-presence';
import { parse as parseCookie } from 'cookie';
import { selfOriginOf } from '../lib/self-origin';
import { addInternalNote } from '../services/add-internal-note';
import { assignWaiting } from '../services/assignment/auto-assign';
import { authenticateAgentSession, isSessionOpen } from '../services/auth/agent-sessions';
import { claimConversation } from '../services/claim-conversation';
import { markHumanAnswer } from '../services/mark-human-answer';
import { markReviewItem } from '../services/mark-review-item';
import { reloadPolicy } from '../services/policy-state';
import { listConversations, readConversation } from '../services/read-conversations';
import { recordCorrection } from '../services/record-correction';
import { closeConversation, handBackConversation } from '../services/release-conversation';
import { reviewDraft } from '../services/review-draft';
import { sendAgentMessage } from '../services/send-agent-message';
import type { ServiceContext } from '../services/service-context';
import { transferConversation } from '../services/transfer-conversation';
import { ackHandler } from './ack-handler';
import { attachAgentContextHandlers } from './agent-context-handlers';
import type { AgentNamespace, AgentSocket } from './namespaces';
import { createOfflineWatch } from './offline-watch';
import { rooms } from './rooms';

/** /agent: the console. Authenticated by the session cookie (or `auth.token`), same origin only. */
export function attachAgentNamespace(
  nsp: AgentNamespace,
  ctx: ServiceContext,
  options: { publicUrl?: string | undefined },
): { stop(): void } {
  const offlineWatch = createOfflineWatch(ctx);
  const handOutQueue = () =>
    void assignWaiting(ctx).catch((err: unknown) => ctx.logger.error({ err }, 'automatic assignment failed'));
  nsp.use(async (socket, next) => {
    try {
      const origin = socket.handshake.headers.origin;
      if (origin && origin !== selfOriginOf(socket.handshake.headers, options.publicUrl)) {
        return next(new Error('forbidden'));
      }
      const fromAuth = (socket.handshake.auth as { token?: unknown }).token;
      const token =
        typeof fromAuth === 'string'
          ? fromAuth
          : parseCookie(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
      const session = await authenticateAgentSession(ctx.store, token, ctx.clock.now());
      if (!session) return next(new Error('unauthorized'));
      socket.data.agent = session.agent;
      socket.data.sessionKey = session.sessionKey;
      socket.data.sessionExpiresAt = session.expiresAt;
      socket.data.sessionTokenHash = session.tokenHash;
      socket.data.presence = 'online';
      next();
    } catch (err) {
      ctx.logger.error({ err }, 'agent handshake failed');
      next(new Error('internal'));
    }
  });

  const broadcastPresence = async () => {
    // Who is online decides the expected waits customers are shown.
    ctx.queueUpdates.everySiteChanged();
    nsp.to(rooms.agents).emit('presence:updated', { agentsOnline: await ctx.notifier.agentsOnline() });
  };

  nsp.on('policy:changed', () => {
    reloadPolicy(ctx).catch((err: unknown) => ctx.logger.error({ err }, 'reloading the policy failed'));
  });

  nsp.on('connection', (socket) => {
    const agent = socket.data.agent;
    const log = ctx.logger;
    void socket.join(rooms.agents);
    void socket.join(rooms.session(socket.data.sessionKey));
    void socket.join(rooms.agent(agent.id));
    endWithSession(socket, ctx);
    void broadcastPresence().then(handOutQueue, () => undefined);
    socket.on('disconnect', () => {
      void broadcastPresence().catch(() => undefined);
      offlineWatch.disconnected(agent);
    });

    socket.on(
      'conversation:list',
      ackHandler(conversationListSchema, log, async (input) => ({
        conversations: await listConversations(ctx, input),
      })),
    );
    socket.on(
      'conversation:watch',
      ackHandler(conversationWatchSchema, log, async (input) => {
        // Join before reading, so nothing created in between is missed (clients drop duplicates by id).
        await socket.join(rooms.watch(input.conversationId));
        try {
          return await readConversation(ctx, input.conversationId, input.afterSeq);
        } catch (err) {
          await socket.leave(rooms.watch(input.conversationId));
          throw err;
        }
      }),
    );
    socket.on(
      'conversation:unwatch',
      ackHandler(conversationRefSchema, log, async (input) => {
        await socket.leave(rooms.watch(input.conversationId));
        return null;
      }),
    );
    socket.on(
      'conversation:claim',
      ackHandler(conversationRefSchema, log, async (input) => ({
        conversation: await claimConversation(ctx, agent, input.conversationId),
      })),
    );
    socket.on(
      'conversation:handback',
      ackHandler(conversationRefSchema, log, async (input) => {
        const conversation = await handBackConversation(ctx, agent, input.conversationId);
        handOutQueue(); // a place came free
        return { conversation };
      }),
    );
    socket.on(
      'conversation:close',
      ackHandler(conversationCloseSchema, log, async ({ conversationId, ...outcome }) => {
        const conversation = await closeConversation(ctx, agent, conversationId, outcome);
        handOutQueue(); // a place came free
        return { conversation };
      }),
    );
    socket.on(
      'conversation:transfer',
      ackHandler(conversationTransferSchema, log, async (input) => {
        const conversation = await transferConversation(ctx, agent, input.conversationId, input.toAgentId);
        handOutQueue(); // a place came free
        return { conversation };
      }),
    );
    socket.on(
      'presence:set',
      ackHandler(presenceSetSchema, log, async (input) => {
        const was = socket.data.presence;
        socket.data.presence = input.status;
        if (was !== input.status) {
          await broadcastPresence();
          if (input.status === 'online') handOutQueue();
        }
        return null;
      }),
    );
    socket.on(
      'message:send',
      ackHandler(agentSendSchema, log, async (input) => ({
        message: await sendAgentMessage(ctx, agent, input),
      })),
    );
    socket.on(
      'note:send',
      ackHandler(noteSendSchema, log, async (input) => ({
        message: await addInternalNote(ctx, agent, input),
      })),
    );
    socket.on(
      'draft:approve',
      ackHandler(draftApproveSchema, log, (input) =>
        reviewDraft(ctx, agent, input.messageId, { kind: 'approve', timeSpentMs: input.timeSpentMs }),
      ),
    );
    socket.on(
      'draft:edit',
      ackHandler(draftReviseSchema, log, ({ messageId, ...rest }) =>
        reviewDraft(ctx, agent, messageId, { kind: 'edit', ...rest }),
      ),
    );
    socket.on(
      'draft:reject',
      ackHandler(draftReviseSchema, log, ({ messageId, ...rest }) =>
        reviewDraft(ctx, agent, messageId, { kind: 'reject', ...rest }),
      ),
    );
    socket.on(
      'correction:create',
      ackHandler(correctionCreateSchema, log, async (input) => ({
        correction: await recordCorrection(ctx, agent, input),
      })),
    );
    socket.on(
      'answer:mark',
      ackHandler(answerMarkSchema, log, (input) => markHumanAnswer(ctx, agent, input)),
    );
    socket.on(
      'review:mark',
      ackHandler(reviewMarkSchema, log, (input) => markReviewItem(ctx, agent, input)),
    );
    attachAgentContextHandlers(socket, ctx);
  });
  return { stop: () => offlineWatch.stop() };
}

/**
 * A socket lives no longer than its session: an event after the session's end is refused (`unauthorized`,
 * with the ack when there is one) and the socket disconnected. Logout, deactivation and role changes
 * disconnect the sockets at once on every node (`Notifier.sessionEnded`, `agentSessionsEnded`); and since
 * that broadcast is best-effort, every event also looks the session up in the store, which is what decides.
 */
function endWithSession(socket: AgentSocket, ctx: ServiceContext): void {
  const expiresAt = Date.parse(socket.data.sessionExpiresAt);
  const refuse = (packet: unknown[]) => {
    const ack = packet[packet.length - 1];
    if (typeof ack === 'function')
      ack({ ok: false, error: { code: 'unauthorized', message: 'Your session has ended. Log in again.' } });
    socket.disconnect(true);
  };
  socket.use((packet, next) => {
    const now = ctx.clock.now();
    if (now.getTime() >= expiresAt) return refuse(packet);
    isSessionOpen(ctx.store, socket.data.sessionTokenHash, now).then(
      (open) => (open ? next() : refuse(packet)),
      (err: unknown) => {
        ctx.logger.error({ err }, 'checking the agent session failed');
        const ack = packet[packet.length - 1];
        if (typeof ack === 'function')
          ack({ ok: false, error: { code: 'internal', message: 'Something went wrong. Try again.' } });
      },
    );
  });
}
