import { describe, expect, it } from 'vitest';
import { compileLinearRegex, linearRegexProblem } from './linear-regex';

describe('linear-time rule patterns', () => {
  it('matches case-insensitively and returns the matched text', () => {
    const regex = compileLinearRegex('\\bdisput(e|ing) (the|this|a) charge\\b');
    expect(regex.firstMatch('I am DISPUTING the charge now')).toBe('DISPUTING the charge');
    expect(regex.firstMatch('no dispute here')).toBeNull();
  });

  it('answers a pattern that backtracks exponentially in a JavaScript engine', () => {
    // With RegExp this input would not finish in any reasonable time; RE2 answers in one pass.
    expect(compileLinearRegex('^(a+)+$').firstMatch(`${'a'.repeat(5000)}!`)).toBeNull();
    expect(compileLinearRegex('^(a+)+$').firstMatch('aaaa')).toBe('aaaa');
  });

  it.each([
    ['(a)\\1', /backreferences|escape/],
    ['(?=a)b', /lookaround|perl operator/],
    ['(?<!a)b', /lookaround|perl operator/],
  ])('refuses %s, saying why', (pattern, reason) => {
    expect(linearRegexProblem(pattern)).toMatch(reason);
  });

  it('accepts the patterns a policy uses', () => {
    expect(linearRegexProblem('^\\W*(hi|hello|thanks)\\W*$')).toBeNull();
    expect(linearRegexProblem('\\bgdpr\\b.{0,40}\\b(erase|delete)\\b')).toBeNull();
  });
});
