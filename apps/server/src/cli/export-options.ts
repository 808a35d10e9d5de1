import { correctionFilterSchema, exportFormatSchema } from '@hitl/shared/rest';
import { z } from 'zod';
import { MAX_VALIDATION_FRACTION } from '../domain/dataset-split';
import type { ExportOptions } from '../services/export-dataset';

/** The export command's flags, as `parseArgs` hands them over. */
export interface ExportFlags {
  format?: string | undefined;
  status?: string | undefined;
  kind?: string | undefined;
  reason?: string | undefined;
  topic?: string | undefined;
  agent?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
  out?: string | undefined;
  val?: string | undefined;
  'no-redact'?: boolean | undefined;
  'no-dedup'?: boolean | undefined;
  quiet?: boolean | undefined;
}

export interface ExportRequest {
  options: ExportOptions;
  /** The train file; null writes to standard output. */
  out: string | null;
  quiet: boolean;
}

const validationFractionSchema = z
  .string()
  .trim()
  .min(1)
  .transform(Number)
  .pipe(z.number().min(0).max(MAX_VALIDATION_FRACTION))
  .default(0);

/** Checks the flags once, before anything is opened: bad options never start an export. */
export function parseExportFlags(
  flags: ExportFlags,
  systemPrompt: string,
): { ok: true; request: ExportRequest } | { ok: false; message: string } {
  const problems: string[] = [];
  const describe = (name: string, error: z.ZodError) => {
    for (const issue of error.issues) problems.push(`--${[name, ...issue.path].join('.')}: ${issue.message}`);
  };
  const format = exportFormatSchema.safeParse(flags.format ?? 'openai-chat');
  if (!format.success) describe('format', format.error);
  const filter = correctionFilterSchema.safeParse({
    status: flags.status,
    kind: flags.kind,
    reason: flags.reason,
    topic: flags.topic,
    agentId: flags.agent,
    since: flags.since,
    until: flags.until,
  });
  if (!filter.success) {
    for (const issue of filter.error.issues) {
      const name = issue.path[0] === 'agentId' ? 'agent' : String(issue.path[0] ?? 'filter');
      problems.push(`--${name}: ${issue.message}`);
    }
  }
  const val = validationFractionSchema.safeParse(flags.val);
  if (!val.success) describe('val', val.error);
  if (flags.out === '') problems.push('--out: must name a file');
  if (val.success && val.data > 0 && !flags.out) {
    problems.push('--val: a validation split needs --out (standard output holds a single file)');
  }
  if (!format.success || !filter.success || !val.success || problems.length > 0) {
    return { ok: false, message: `Bad export options: ${problems.join('; ')}` };
  }
  return {
    ok: true,
    request: {
      options: {
        format: format.data,
        filter: filter.data,
        redact: !flags['no-redact'],
        dedup: !flags['no-dedup'],
        validationFraction: val.data,
        systemPrompt,
      },
      out: flags.out ?? null,
      quiet: flags.quiet === true,
    },
  };
}
