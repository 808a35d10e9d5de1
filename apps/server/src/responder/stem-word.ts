/** Doubled consonants left after removing -ing/-ed ("shipping" → "shipp" → "ship"); l, s and z stay doubled. */
const undoubled = /([bdfgkmnprt])\1$/;

/**
 * A deliberately light suffix stripper. It only has to map inflections of one word onto the same stem
 * consistently for questions and examples; character n-grams catch what it misses.
 */
export function stemWord(word: string): string {
  let stem = word;
  if (stem.length > 4 && stem.endsWith('ies')) stem = `${stem.slice(0, -3)}y`;
  else if (stem.endsWith('sses')) stem = stem.slice(0, -2);
  else if (stem.length > 3 && stem.endsWith('s') && !/(ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);

  if (stem.length > 5 && stem.endsWith('ing')) stem = undouble(stem.slice(0, -3));
  else if (stem.length > 4 && stem.endsWith('ed')) stem = undouble(stem.slice(0, -2));
  else if (stem.length > 5 && stem.endsWith('ly')) stem = stem.slice(0, -2);

  if (stem.length > 3 && stem.endsWith('e') && !stem.endsWith('ee')) stem = stem.slice(0, -1);
  return stem;
}

function undouble(stem: string): string {
  return undoubled.test(stem) ? stem.slice(0, -1) : stem;
}
