type Message = { role: string; content: string };

/** A record of a JSON Lines format, as `toExportRecord` makes it. */
export type ExportRecord =
  | { messages: Message[] }
  | { input: { messages: Message[] }; preferred_output: Message[]; non_preferred_output: Message[] }
  | { prompt: Message[]; chosen: Message[]; rejected: Message[] };

const hasUserTurn = (messages: readonly Message[]) => messages.some((m) => m.role === 'user');
const isReply = (message: Message | undefined) =>
  message !== undefined && message.role === 'assistant' && message.content.trim() !== '';

/**
 * Whether trainers take a record: the rules of its format's schema (`dataset-schemas.ts`) that a
 * record built by `toExportRecord` can break — a prompt with no user turn, an empty reply, a
 * preferred reply equal to the other one. Its shape (keys, roles, types) is the builder's and is
 * not checked again; tests check every written line against the full schemas, and that these rules
 * and the schemas agree.
 */
export function isTrainableRecord(record: ExportRecord): boolean {
  if ('messages' in record) {
    const { messages } = record;
    return messages.length >= 2 && hasUserTurn(messages) && isReply(messages.at(-1));
  }
  const [prompt, chosen, rejected] =
    'input' in record
      ? [record.input.messages, record.preferred_output[0], record.non_preferred_output[0]]
      : [record.prompt, record.chosen[0], record.rejected[0]];
  return (
    prompt.length >= 1 &&
    hasUserTurn(prompt) &&
    isReply(chosen) &&
    isReply(rejected) &&
    chosen?.content !== rejected?.content
  );
}
