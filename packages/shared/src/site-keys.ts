import { z } from 'zod';

/*
 * Widget site keys: which pages may embed the widget under a key, and what it says there. Seeded from the
 * `SITES` configuration, then edited by admins in the console; the store holds them, so every node reads
 * the same list.
 */

/** The key in `data-site-key`: letters, digits, `_` and `-`, as `SITES` accepts. */
export const siteKeyIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, _ or -');

/** Entries with a meaning of their own: the server's own origin (the demo page) and any origin. */
export const specialOrigins = ['self', '*'] as const;

/**
 * Why `value` is not an allowed-origin entry, or null. An origin is exactly what a browser sends in its
 * `Origin` header — scheme, host and optional port — so anything else (a path, a trailing slash, a default
 * port, upper case) would never match and is refused with the form to write instead.
 */
export function originProblem(value: string): string | null {
  if ((specialOrigins as readonly string[]).includes(value)) return null;
  const example =
    'such as https://shop.example or http://localhost:8080 (scheme, host, optional port; no path)';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not an origin ${example}`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `"${value}" must start with http:// or https://`;
  if (url.origin !== value) {
    const suggestion = url.username || url.password ? '' : `; write "${url.origin}"`;
    return `"${value}" is not an origin ${example}${suggestion}`;
  }
  return null;
}

export const siteOriginSchema = z
  .string()
  .trim()
  .max(300)
  .superRefine((value, ctx) => {
    const problem = originProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const siteNameSchema = z.string().trim().min(1, 'Give a display name.').max(80);
const greetingSchema = z.string().trim().min(1, 'Give a greeting.').max(500);
const originsSchema = z
  .array(siteOriginSchema)
  .min(1, 'Give at least one allowed origin.')
  .max(50)
  .refine((origins) => new Set(origins).size === origins.length, 'Each origin only once.');

export const siteKeySchema = z.object({
  key: siteKeyIdSchema,
  /** Shown in the widget's header. */
  name: z.string(),
  origins: z.array(z.string()),
  /** The widget's first bubble. */
  greeting: z.string(),
  updatedAt: z.string(),
});
export type SiteKey = z.infer<typeof siteKeySchema>;

/** POST /api/admin/site-keys */
export const siteKeyCreateSchema = z.strictObject({
  key: siteKeyIdSchema,
  name: siteNameSchema,
  origins: originsSchema,
  greeting: greetingSchema,
});
export type SiteKeyCreateRequest = z.infer<typeof siteKeyCreateSchema>;

/** PATCH /api/admin/site-keys/:key: any of the fields; the key itself never changes (pages embed it). */
export const siteKeyPatchSchema = z
  .strictObject({
    name: siteNameSchema.optional(),
    origins: originsSchema.optional(),
    greeting: greetingSchema.optional(),
  })
  .refine((p) => p.name !== undefined || p.origins !== undefined || p.greeting !== undefined, {
    message: 'Give a name, origins or a greeting.',
  });
export type SiteKeyPatchRequest = z.infer<typeof siteKeyPatchSchema>;

export const siteKeyListResponseSchema = z.object({ siteKeys: z.array(siteKeySchema) });
export const siteKeyResponseSchema = z.object({ siteKey: siteKeySchema });
