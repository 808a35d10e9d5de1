/**
 * Every text the visitor sees, in English. Other languages are plain objects with the same keys
 * (`WidgetStrings`), so a missing or misspelt key is a type error. `{name}`-style slots are filled by
 * `fillSlots`; keep them in each translation.
 */
export const en = {
  openChat: 'Open chat',
  closeChat: 'Close chat',
  chat: 'Chat',
  chatWith: 'Chat with {name}',
  unreadOne: '1 unread message',
  unreadMany: '{count} unread messages',
  /** Announced to screen readers when a reply arrives. */
  newMessageFrom: 'New message from {name}: {text}',
  assistant: 'Assistant',
  support: 'Support',
  assistantTyping: 'Assistant is typing',
  agentTyping: '{name} is typing…',
  statusBot: 'Assistant · usually replies instantly',
  statusQueued: 'Waiting for a person…',
  statusAgent: 'Chatting with {name}',
  aPerson: 'a person',
  statusClosed: 'Conversation closed — write to start a new one',
  statusReviewing: 'A person is reviewing the answer…',
  statusOffline: 'Offline',
  statusUnavailable: 'Unavailable',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  offline: 'You are offline. Messages will be sent when you are back.',
  unavailable: 'Chat is unavailable right now. We will keep trying.',
  talkToPerson: 'Talk to a person',
  /** Sent as the visitor's message by that button: a phrase the server knows as a request for a person. */
  talkToPersonMessage: 'I want to talk to a person',
  messageLabel: 'Message',
  messagePlaceholder: 'Write a message…',
  sendMessage: 'Send message',
  sending: 'Sending…',
  notSent: 'Not sent',
  couldNotSend: 'This message could not be sent.',
  tooLong: 'This message is too long.',
  remove: 'Remove',
  contactPrompt: 'Leave your e-mail and we will reply as soon as we can.',
  contactLabel: 'Your e-mail address',
  contactSend: 'Send',
  contactInvalid: 'Please enter a valid e-mail address.',
  contactOffline: 'You are offline. Please try again in a moment.',
  contactNotSaved: 'Your e-mail could not be saved.',
  noAnswer: 'No answer from the server. Please try again.',
  /** Under a customer message the server has stored (its ack came). */
  received: 'Received',
  queuePosition: 'You are number {position} in the queue',
  expectedWait: 'expected wait {wait}',
  waitUnderMinute: 'less than a minute',
  waitFewMinutes: 'a few minutes',
  waitMinutes: 'about {minutes} min',
  waitOverHour: 'more than an hour',
  /** Once per waiting stretch, under the first message the customer sent while queued. */
  acknowledged: 'Thanks — a person will reply here.',
  ratingQuestion: 'How was this conversation?',
  rating1: '1 — Very poor',
  rating2: '2 — Poor',
  rating3: '3 — Okay',
  rating4: '4 — Good',
  rating5: '5 — Excellent',
  ratingComment: 'Anything you would like to add? (optional)',
  ratingSend: 'Send rating',
  ratingChoose: 'Please choose a rating from 1 to 5.',
  ratingThanks: 'Thank you for your feedback!',
  ratingFailed: 'Your rating could not be sent. Please try again.',
  ratingOffline: 'You are offline. Please try again in a moment.',
  /** System notices; English ones are shown as the server wrote them, these are for other languages. */
  notice_escalated: "I'm bringing in a person from our team. They'll reply here shortly.",
  notice_no_agent_online:
    'Our team is offline right now. Your conversation is in the queue and a person will reply here as soon as someone is available.',
  notice_agent_joined: '{name} joined the conversation.',
  notice_handed_back: "You're back with our assistant. Ask me anything.",
  notice_closed: 'This conversation was closed. Write again any time to start a new one.',
  notice_reviewing: 'A person from our team is reviewing the answer before it is sent.',
  notice_card_masked:
    "For your safety we hid the card number you sent: please don't send card numbers in this chat. We never need one here.",
  notice_agent_left:
    "{name} had to leave. You're back in the queue and another person will reply here shortly.",
  notice_transferred: '{name} has taken over the conversation.',
  notice_contact_saved: "Thanks — we'll reply to {email} as soon as someone is available.",
};

export type WidgetStrings = { readonly [K in keyof typeof en]: string };
