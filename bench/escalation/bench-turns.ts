export interface BenchTurn {
  id: string;
  conversationId: string;
  text: string;
  /** The customer's earlier messages in the conversation, oldest first. */
  earlier: { id: string; text: string }[];
}

/**
 * Conversations of `perConversation` customer messages taken in order from the corpus: each turn has the
 * conversation's earlier messages as its history, as the bot sees them (up to 9 before the 10th).
 */
export function benchTurns(texts: string[], conversations: number, perConversation: number): BenchTurn[] {
  const turns: BenchTurn[] = [];
  let next = 0;
  for (let c = 0; c < conversations; c++) {
    const earlier: { id: string; text: string }[] = [];
    for (let n = 0; n < perConversation; n++) {
      const text = texts[next++ % texts.length] as string;
      const turn = { id: `msg_${c}_${n}`, conversationId: `conv_${c}`, text, earlier: [...earlier] };
      turns.push(turn);
      earlier.push({ id: turn.id, text });
    }
  }
  return turns;
}
