/*
 * Phrases an upset customer uses in a support chat that a general-purpose lexicon scores too mildly or not
 * at all: wink gives "furious" -0.25, "pathetic" -0.29, "nightmare" 0, "a joke" +0.4, and "still waiting"
 * even +0.5. Each cue sets a ceiling on the score of the sentence it is in; all match the normalised text
 * (lower case, no apostrophes, single spaces), so "I'm" is "im".
 *
 * Three strengths: at -0.7 a cue alone crosses the default escalation limit (-0.6), because the words say
 * anger outright; at -0.5 (complaints) and -0.4 (how long it has been, as before) it needs emphasis (an
 * intensifier, "!!", shouting) to cross, because the same words also come calmly ("useless on mobile",
 * "it's been a week"). The complaints give way in a sentence the lexicon finds clearly positive ("the
 * same colour as last time, love it!!"), so that emphasis cannot turn praise into anger; the waiting cues
 * do not, since the lexicon reads "still" and "taking so long" as positive.
 */
const angry = -0.7;
const complaining = -0.5;
const ageing = -0.4;

interface Cue {
  pattern: RegExp;
  ceiling: number;
  /** A "not" just before it cancels it ("not ridiculous", "I'm not angry"). */
  negatable?: boolean;
}

const cues: Cue[] = [
  // Anger named outright, and verdicts on the shop.
  {
    pattern:
      /\b(furious|livid|fuming|outraged|seething|ridiculous|pathetic|absurd|outrageous|disgrace(ful)?|shambles|shambolic|appalling|incompetent|hopeless|laughable|nightmare)\b/,
    ceiling: angry,
    negatable: true,
  },
  { pattern: /\b(fed up|sick (and tired )?of|sick and tired|had enough|enough is enough)\b/, ceiling: angry },
  { pattern: /\b(what|why|who|how|where) the (hell|heck|fuck\w*)\b|\bwtf\b/, ceiling: angry },
  { pattern: /\b(is|what|such|its) an? (complete |total |absolute )?joke\b|\bjoke of an?\b/, ceiling: angry },
  { pattern: /\bare you (kidding|joking|serious)\b|\b(you have|youve) got to be kidding\b/, ceiling: angry },
  { pattern: /\b(scam|scammers|rip ?off|thanks for nothing)\b/, ceiling: angry },
  { pattern: /\bunacceptable\b|\bwaste of (my )?(time|money)\b/, ceiling: angry, negatable: true },
  // Threats to leave.
  {
    pattern:
      /\bnever again\b|\bnever (ordering|shopping|buying)\b|\b(will|ll) never (order|shop|buy|use|recommend)\b|\b(im|i am) done with\b|\b(shop|shopping|business|money) elsewhere\b|\bone star review\b/,
    ceiling: angry,
  },
  // Exasperation that needs emphasis to count as anger.
  {
    pattern: /\b(useless|rubbish|garbage|frustrated|annoyed|angry|worst|horrendous|atrocious)\b/,
    ceiling: complaining,
    negatable: true,
  },
  {
    pattern:
      /\b(no ?one|nobody)( (has|is|ever|even|can|will))? (cares?|answers?|answered|replies|replied|responds?|responded|helps?|helped|reads?|gets back|got back|tell me|called|fix(es|ed)?)\b/,
    ceiling: complaining,
  },
  {
    pattern: /\b(you have had|youve had|you have got|youve got|you took|you kept|keeping) my money\b/,
    ceiling: complaining,
  },
  // "How hard is it to set up the tent?" is a question; "how hard is it to send a parcel" is not.
  {
    pattern:
      /\bhow hard (is it|can it be) to (just |simply )?(send|get|answer|reply|refund|give|deliver|fix|ship|read|call)\b|\bwhy is it so (hard|difficult)\b/,
    ceiling: complaining,
  },
  {
    pattern: /\b(stop|quit) (sending|telling|asking|giving)\b|\bdont give me (that|the same)\b/,
    ceiling: complaining,
  },
  {
    pattern:
      /\bis (anyone|anybody) (there|actually|even|reading|listening)\b|\bare you even\b|^seriously\b|\bseriously you\b/,
    ceiling: complaining,
  },
  // Repeating oneself.
  {
    pattern:
      /\b(second|third|fourth|fifth|\d+(st|nd|rd|th)) time\b|\b(again and again|over and over|yet again)\b|\b(asked|told|called|emailed|written|wrote|explained|contacted|chased|messaged|complained)( you| this| it)? (two|three|four|five|six|several|many|\d+) times\b|\byou keep (saying|telling|sending|asking)\b|\bthe same (problem|issue|answer|reply|link|email|excuse)\b/,
    ceiling: complaining,
  },
  // Waiting: how long it has been is the complaint.
  {
    pattern:
      /\bstill (a?waiting|nothing|no\b|not\b|haven ?t|hasn ?t|didn ?t)|\b(taking|takes|took) (so|too|this) long\b|\bnever (arrived|came|received|got)\b/,
    ceiling: ageing,
  },
  {
    pattern:
      /\b(a?waiting|waited|been on hold|on hold) (for )?(over |more than )?(an?|\d+|two|three|four|five|six|ten) (minutes?|hours?|days?|weeks?|months?)\b|\ba?waiting since\b|\b(paid|ordered|bought)( it| this)? (an?|\d+|two|three|four|five|six) (days?|weeks?|months?) ago\b|\b(its|it has) been (a|an|\d+|two|three|four|five|six) (days?|weeks?|months?)\b/,
    ceiling: ageing,
  },
];

const negations = /\b(not|never|isnt|arent|wasnt|werent|dont|doesnt|didnt|no)( \w+)?\s*$/;

/** Above this a sentence counts as clearly positive; wink gives "still" alone 0.28, "love it" 0.37. */
const clearlyPositive = 0.3;

/**
 * The score of one sentence with the frustration cues' ceilings applied: `lexiconScore` is wink's score of
 * it, `normalisedSentence` its normalised text.
 */
export function applyFrustrationCues(normalisedSentence: string, lexiconScore: number): number {
  let ceiling = 1;
  for (const cue of cues) {
    if (cue.ceiling === complaining && lexiconScore > clearlyPositive) continue;
    const match = cue.pattern.exec(normalisedSentence);
    if (!match) continue;
    if (cue.negatable && negations.test(normalisedSentence.slice(0, match.index))) continue;
    ceiling = Math.min(ceiling, cue.ceiling);
  }
  return Math.min(lexiconScore, ceiling);
}

/*
 * Sarcasm: praise the rest of the message contradicts ("great, another week of waiting", "Oh wonderful,
 * the wrong size again"). wink scores the praise word positive, so the angrier the customer, the happier
 * the message looks. Praise counts as sarcastic only next to a complaint, never on its own ("Great,
 * thanks!", "Just perfect!").
 */
const praise = '(great|wonderful|fantastic|brilliant|perfect|lovely|marvellous|excellent|superb)';
const complaint =
  /\b(another|again|still|wrong|nothing|without|twice|lost|late|delayed|broken|missing|cancelled|charged|ruined)\b/;
const sarcasticPraise = [
  new RegExp(`\\boh ${praise}\\b`),
  new RegExp(`\\b(just|simply) ${praise}\\b`),
  // An opening "Great," straight into the complaint; "Great, another order for me!" is not one.
  new RegExp(
    `^${praise} (another (day|week|month|delay|email|excuse|wait)|again|still (no|nothing|not)|charged|lost|wrong)\\b`,
  ),
];
const sarcasticThanks = /\b(thanks a lot|thanks for that|well done|cheers for that)\s*$/;

/** A ceiling for sarcastic praise in the whole normalised message (1, none, when there is none). */
export function sarcasmCeiling(normalisedMessage: string, hasNegativeSentence: boolean): number {
  const praised = sarcasticPraise.some((pattern) => pattern.test(normalisedMessage));
  if (praised && complaint.test(normalisedMessage)) return -0.65;
  // A closing "thanks a lot" after a complaint thanks for nothing.
  if (hasNegativeSentence && sarcasticThanks.test(normalisedMessage)) return -0.65;
  return 1;
}

/*
 * Set phrases whose negative word is not about the shop: a customer planning for the "worst case", or
 * apologising ("sorry to bother you", "I hate to be a pain"), is not upset. They are rewritten before
 * scoring so that neither the lexicon nor the cues see them. "Crazy" before a neutral word is an
 * intensifier ("crazy busy", "crazy fast"), which the lexicon reads as a complaint.
 */
const idioms: [RegExp, string][] = [
  [/\bworst[- ]case( scenario)?\b/gi, 'case'],
  // The lexicon scores "waiting" +0.5; no customer means it as praise.
  [/\bwaiting\b/gi, 'awaiting'],
  [/\bthe worst that (can|could|would) happen\b/gi, 'what $1 happen'],
  [/\b(so |very |really )?sorry\b/gi, ''],
  [/\bcrazy (busy|good|fast|quick|cheap|comfy|comfortable|popular)\b/gi, 'very $1'],
  [/\bhate to (bother you|be a pain|ask|say|chase|trouble you)\b/gi, 'need to ask'],
];

export function neutraliseIdioms(text: string): string {
  return idioms.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}
