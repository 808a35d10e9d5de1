import type { SystemNoticeKind } from './models';

/**
 * What the customer reads for each system notice, in English, with `{name}` (the agent) and `{email}` slots.
 * The server writes these; a widget in another language reads the slots back (`noticeSlots`) and shows its
 * own translation of the same notice.
 */
export const noticeTemplates: Readonly<Record<SystemNoticeKind, string>> = {
  escalated: "I'm bringing in a person from our team. They'll reply here shortly.",
  no_agent_online:
    'Our team is offline right now. Your conversation is in the queue and a person will reply here as soon as someone is available.',
  agent_joined: '{name} joined the conversation.',
  handed_back: "You're back with our assistant. Ask me anything.",
  closed: 'This conversation was closed. Write again any time to start a new one.',
  reviewing: 'A person from our team is reviewing the answer before it is sent.',
  card_masked:
    "For your safety we hid the card number you sent: please don't send card numbers in this chat. We never need one here.",
  agent_left: "{name} had to leave. You're back in the queue and another person will reply here shortly.",
  transferred: '{name} has taken over the conversation.',
  contact_saved: "Thanks — we'll reply to {email} as soon as someone is available.",
};

/** Who, when the server does not know the agent's name (or the address). */
const fallbacks: Partial<Record<SystemNoticeKind, { name?: string; email?: string }>> = {
  agent_joined: { name: 'An agent' },
  agent_left: { name: 'Your agent' },
  transferred: { name: 'Another person from our team' },
  contact_saved: { email: 'your e-mail' },
};

export function noticeText(kind: SystemNoticeKind, agentName?: string, email?: string): string {
  const values = {
    ...fallbacks[kind],
    ...(agentName ? { name: agentName } : {}),
    ...(email ? { email } : {}),
  };
  return noticeTemplates[kind].replace(
    /\{(name|email)\}/g,
    (_slot, key: 'name' | 'email') => values[key] ?? '',
  );
}

/**
 * The slot values of a notice text written from its template (the agent's name, the e-mail); null when the
 * text does not follow the template (written by an older server, or edited).
 */
export function noticeSlots(kind: SystemNoticeKind, text: string): Record<string, string> | null {
  const template = noticeTemplates[kind];
  const names: string[] = [];
  const pattern = template
    .split(/(\{name\}|\{email\})/)
    .map((part) => {
      if (part === '{name}' || part === '{email}') {
        names.push(part.slice(1, -1));
        return '(.+?)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  const match = new RegExp(`^${pattern}$`).exec(text);
  if (!match) return null;
  return Object.fromEntries(names.map((name, i) => [name, match[i + 1] ?? '']));
}
