import type { CannedVariable } from '@hitl/shared/canned-responses';

export type CannedValues = Partial<Record<CannedVariable, string | null>>;

/**
 * Fills `{name}`, `{email}`, `{agent}` and `{site}` with what the conversation knows; a variable without a
 * value (and any other braces) stays as written, so the agent sees what is left to fill before sending.
 */
export function fillCannedVariables(text: string, values: CannedValues): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name as CannedVariable] : null;
    return value?.trim() ? value.trim() : whole;
  });
}
