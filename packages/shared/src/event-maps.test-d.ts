import type { Server, Socket as ServerSocket } from 'socket.io';
import type { Socket as ClientSocket } from 'socket.io-client';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  AgentClientToServerEvents,
  AgentServerToClientEvents,
  AgentSocketData,
  InterServerEvents,
} from './agent-events';
import type { Ack } from './errors';
import type { Conversation, Correction, Message } from './models';
import type { QueueStatus } from './queue-wait';
import type { ReviewItem, ReviewMarkResult } from './review-items';
import type { AgentTyping, TypingUpdate, VisitorProfile } from './visitor-context';
import type {
  PublicConversation,
  WidgetClientToServerEvents,
  WidgetSendResult,
  WidgetServerToClientEvents,
  WidgetSyncResult,
} from './widget-events';

describe('widget event map', () => {
  type Client = ClientSocket<WidgetServerToClientEvents, WidgetClientToServerEvents>;

  it('types the send request and its ack', () => {
    expectTypeOf<Client['emitWithAck']>().toBeCallableWith('message:send', {
      clientId: 'abcdefgh',
      text: 'hi',
    });
    expectTypeOf<Parameters<WidgetClientToServerEvents['message:send']>[1]>()
      .parameter(0)
      .toEqualTypeOf<Ack<WidgetSendResult>>();
  });

  it('types the broadcasts a visitor receives', () => {
    expectTypeOf<Parameters<WidgetServerToClientEvents['message:created']>[0]>().toEqualTypeOf<Message>();
    expectTypeOf<
      Parameters<WidgetServerToClientEvents['conversation:updated']>[0]
    >().toEqualTypeOf<PublicConversation>();
  });

  it('never offers agent requests to a visitor', () => {
    expectTypeOf<WidgetClientToServerEvents>().not.toHaveProperty('conversation:claim');
    expectTypeOf<WidgetServerToClientEvents>().not.toHaveProperty('conversation:escalated');
  });
});

describe('agent event map', () => {
  type Socket = ServerSocket<
    AgentClientToServerEvents,
    AgentServerToClientEvents,
    InterServerEvents,
    AgentSocketData
  >;

  it('types the server side with the same map', () => {
    expectTypeOf<Socket['data']>().toEqualTypeOf<AgentSocketData>();
    expectTypeOf<
      Parameters<AgentServerToClientEvents['conversation:escalated']>[0]
    >().toEqualTypeOf<Conversation>();
    expectTypeOf<Server<AgentClientToServerEvents, AgentServerToClientEvents>>().toHaveProperty('emit');
  });

  it('acks a claim with the conversation or an error code', () => {
    type ClaimAck = Parameters<Parameters<AgentClientToServerEvents['conversation:claim']>[1]>[0];
    expectTypeOf<ClaimAck>().toEqualTypeOf<Ack<{ conversation: Conversation }>>();
  });

  it('acks a note with the stored message; a visitor has no such request', () => {
    type NoteAck = Parameters<Parameters<AgentClientToServerEvents['note:send']>[1]>[0];
    expectTypeOf<NoteAck>().toEqualTypeOf<Ack<{ message: Message }>>();
    expectTypeOf<WidgetClientToServerEvents>().not.toHaveProperty('note:send');
  });

  it('types the review-later list: marks with their ack, and the live updates', () => {
    type MarkAck = Parameters<Parameters<AgentClientToServerEvents['review:mark']>[1]>[0];
    expectTypeOf<MarkAck>().toEqualTypeOf<Ack<ReviewMarkResult>>();
    expectTypeOf<Parameters<AgentServerToClientEvents['review:created']>[0]>().toEqualTypeOf<ReviewItem>();
    expectTypeOf<Parameters<AgentServerToClientEvents['review:updated']>[0]>().toEqualTypeOf<ReviewItem>();
    expectTypeOf<WidgetServerToClientEvents>().not.toHaveProperty('review:created');
  });

  it('types the answer mark: the reply with its correction, or none once unmarked', () => {
    type AnswerAck = Parameters<Parameters<AgentClientToServerEvents['answer:mark']>[1]>[0];
    expectTypeOf<AnswerAck>().toEqualTypeOf<Ack<{ message: Message; correction: Correction | null }>>();
    expectTypeOf<WidgetClientToServerEvents>().not.toHaveProperty('answer:mark');
  });
});

describe('customer context and typing events', () => {
  it('gives a visitor the agent typing, never the profile or another customer typing', () => {
    expectTypeOf<Parameters<WidgetServerToClientEvents['agent:typing']>[0]>().toEqualTypeOf<AgentTyping>();
    expectTypeOf<WidgetServerToClientEvents>().not.toHaveProperty('customer:typing');
    expectTypeOf<WidgetServerToClientEvents>().not.toHaveProperty('visitor:profile-updated');
    expectTypeOf<WidgetClientToServerEvents>().not.toHaveProperty('visitor:profile');
  });

  it('acks the profile request with the profile or null', () => {
    type ProfileAck = Parameters<Parameters<AgentClientToServerEvents['visitor:profile']>[1]>[0];
    expectTypeOf<ProfileAck>().toEqualTypeOf<Ack<{ profile: VisitorProfile | null }>>();
    expectTypeOf<Parameters<AgentServerToClientEvents['customer:typing']>[0]>().toEqualTypeOf<TypingUpdate>();
  });
});

describe('queue events', () => {
  it('gives a visitor their place in the queue, live and with the sync and send answers; agents never', () => {
    expectTypeOf<Parameters<WidgetServerToClientEvents['queue:position']>[0]>().toEqualTypeOf<QueueStatus>();
    expectTypeOf<WidgetSendResult['queue']>().toEqualTypeOf<QueueStatus | null>();
    expectTypeOf<WidgetSyncResult['queue']>().toEqualTypeOf<QueueStatus | null>();
    expectTypeOf<AgentServerToClientEvents>().not.toHaveProperty('queue:position');
  });
});
