/**
 * Contractions as `normalizeWords` leaves them (apostrophe dropped: "don't" → "dont"), spelt out. Word
 * vectors trained on tokenised news have "do" and "not" but no reliable "dont", and the negation is often
 * what a question turns on ("my card does not work"). Forms that are also ordinary words ("well", "were",
 * "ill", "id", "its", "lets", "shed") are left alone.
 */
const contractions: Record<string, string> = {
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  cant: 'can not',
  wont: 'will not',
  wouldnt: 'would not',
  shouldnt: 'should not',
  couldnt: 'could not',
  mustnt: 'must not',
  neednt: 'need not',
  isnt: 'is not',
  arent: 'are not',
  wasnt: 'was not',
  werent: 'were not',
  havent: 'have not',
  hasnt: 'has not',
  hadnt: 'had not',
  aint: 'is not',
  im: 'i am',
  ive: 'i have',
  youre: 'you are',
  youve: 'you have',
  youll: 'you will',
  youd: 'you would',
  theyre: 'they are',
  theyve: 'they have',
  theyll: 'they will',
  weve: 'we have',
  itll: 'it will',
  whats: 'what is',
  wheres: 'where is',
  whos: 'who is',
  hows: 'how is',
  thats: 'that is',
  theres: 'there is',
  heres: 'here is',
};

/** The words with every known contraction replaced by its words. */
export function expandContractions(words: readonly string[]): string[] {
  const expanded: string[] = [];
  for (const word of words) {
    const full = contractions[word];
    if (full === undefined) expanded.push(word);
    else expanded.push(...full.split(' '));
  }
  return expanded;
}
