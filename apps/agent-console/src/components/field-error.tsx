/** The id of a field's error message, so the input can point at it with aria-describedby. */
export const errorIdOf = (fieldId: string) => `${fieldId}-error`;

/** The ids that describe an input: its hint and, when it has one, its error. */
export function describedBy(fieldId: string, error: string | undefined, hintId?: string): string | undefined {
  const ids = [hintId, error ? errorIdOf(fieldId) : undefined].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** A field's error, shown under it and read out with it. */
export function FieldError({ fieldId, message }: { fieldId: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <small className="field-error" id={errorIdOf(fieldId)} data-testid={`error-${fieldId}`}>
      {message}
    </small>
  );
}

/** A DOM id for a policy path (`rules.2.patterns` → `policy-rules-2-patterns`). */
export const fieldIdOf = (path: string) => `policy-${path.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
