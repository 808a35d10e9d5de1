import type { z } from 'zod';

/** The first few problems of a failed parse, with their paths, for an `invalid_payload` message. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`)
    .join('; ');
}
