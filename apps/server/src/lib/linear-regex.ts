import { RE2 } from 're2-wasm';

/**
 * Regular expressions written by admins (policy rule patterns) run on RE2, whose matching time is linear in
 * the text: no pattern, however written (`^(a+)+$`), can make one customer message stall the event loop.
 * RE2 has no backreferences or lookaround; such patterns are refused when the policy is saved or loaded.
 */
export interface LinearRegex {
  /** The first match's text, or null. */
  firstMatch(text: string): string | null;
}

const compiled = new Map<string, LinearRegex>();

/** Case-insensitive, Unicode-aware; compiled once per pattern. Throws a SyntaxError RE2 cannot compile. */
export function compileLinearRegex(pattern: string): LinearRegex {
  let regex = compiled.get(pattern);
  if (!regex) {
    const re2 = new RE2(pattern, 'iu');
    regex = { firstMatch: (text) => re2.exec(text)?.[0] ?? null };
    compiled.set(pattern, regex);
  }
  return regex;
}

/** Why RE2 cannot run `pattern`, or null when it can. */
export function linearRegexProblem(pattern: string): string | null {
  try {
    compileLinearRegex(pattern);
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `not supported by the linear-time regular expression engine (RE2, no backreferences or lookaround): ${reason}`;
  }
}
