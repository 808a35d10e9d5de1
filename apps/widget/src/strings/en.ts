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
};

export type WidgetStrings = { readonly [K in keyof typeof en]: string };
