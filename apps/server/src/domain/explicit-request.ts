import { normaliseText } from './normalise-text';

/**
 * Phrasings customers use to ask for a person. Matched on normalised text
 * (lowercase, accents stripped, punctuation collapsed to spaces).
 */
const personWords =
  '(person|human|agent|someone|somebody|representative|rep|operator|staff|advisor|real person|live agent|human being|manager|supervisor|customer service|support team)';
const personWordsFr =
  '(personne|humain|humaine|conseiller|conseillere|agent|operateur|operatrice|quelquun|service client)';
const patterns: RegExp[] = [
  new RegExp(
    `\\b(talk|speak|chat|connect|transfer|put)( me)? (to|with|through to) (a |an |the |your |some |real |live |actual )*${personWords}\\b`,
  ),
  new RegExp(
    `\\b(i|we) (want|need|would like|d like|wanna) (a |an |to (talk|speak|chat) to (a |an )?)?(real |live |actual )?${personWords}\\b`,
  ),
  new RegExp(`\\b(get|give|find) me (a |an |to )?(real |live |actual )?${personWords}\\b`),
  /\b(real|live|actual) (person|human|agent)\b/,
  /\b(human|agent|person|representative|operator) (please|pls|plz|now)\b/,
  /\bare you (a )?(bot|robot|machine|human|real)\b.*\b(human|person)\b/,
  /^(human|agent|operator|representative|person)$/,
  /\bno more bots?\b|\bstop (the )?bot\b/,
  // French (the widget speaks it): "je veux parler à une personne", "un vrai humain", "un conseiller svp".
  new RegExp(
    `\\b(parler|discuter|echanger) (a|avec) (un |une |le |la |l |votre |vrai |vraie |veritable )*${personWordsFr}\\b`,
  ),
  new RegExp(
    `\\b(je veux|je voudrais|jaimerais|je souhaite|puis je|je peux) (parler a |avoir )?(un |une )?${personWordsFr}\\b`,
  ),
  /\b(un|une) (vrai|vraie|veritable) (personne|humain|humaine|conseiller|conseillere)\b/,
  /\b(humain|conseiller|conseillere|agent) (svp|sil vous plait|sil te plait|maintenant)\b/,
];

/** The matched phrase when the customer asks for a person, else null. */
export function detectExplicitRequest(text: string): string | null {
  const normalised = normaliseText(text);
  for (const pattern of patterns) {
    const match = pattern.exec(normalised);
    if (match) return match[0];
  }
  return null;
}
