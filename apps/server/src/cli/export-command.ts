import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { correctionFilterSchema, exportFormatSchema } from '@hitl/shared/rest';
import { openStore } from '../boot';
import type { Config } from '../config';
import { exportDataset } from '../services/export-dataset';

interface ExportFlags {
  format?: string | undefined;
  status?: string | undefined;
  kind?: string | undefined;
  reason?: string | undefined;
  agent?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
  out?: string | undefined;
  'no-redact'?: boolean | undefined;
}

/**
 * Writes the dataset to --out atomically (a temporary file renamed at the end, so a failed
 * export leaves no half file) or to standard output. The count goes to standard error.
 */
export async function runExportCommand(config: Config, flags: ExportFlags): Promise<number> {
  const format = exportFormatSchema.safeParse(flags.format ?? 'openai-chat');
  const filter = correctionFilterSchema.safeParse({
    status: flags.status,
    kind: flags.kind,
    reason: flags.reason,
    agentId: flags.agent,
    since: flags.since,
    until: flags.until,
  });
  if (!format.success || !filter.success) {
    const issues = [...(format.error?.issues ?? []), ...(filter.error?.issues ?? [])];
    process.stderr.write(
      `Bad export options: ${issues.map((i) => `${i.path.join('.') || 'format'}: ${i.message}`).join('; ')}\n`,
    );
    return 2;
  }
  const store = await openStore(config);
  const temporary = flags.out
    ? path.join(path.dirname(flags.out), `.${path.basename(flags.out)}.${process.pid}.tmp`)
    : null;
  const output: Writable = temporary ? createWriteStream(temporary) : process.stdout;
  let rows = 0;
  try {
    const lines = exportDataset(store, {
      format: format.data,
      filter: filter.data,
      redact: !flags['no-redact'],
      systemPrompt: `You are the customer support assistant of ${config.SITE_NAME}. Answer briefly, kindly and only with facts you are sure of.`,
    });
    for await (const line of lines) {
      if (!output.write(line)) await new Promise<void>((resolve) => output.once('drain', () => resolve()));
      rows++;
    }
    if (temporary && flags.out) {
      output.end();
      await finished(output);
      await rename(temporary, flags.out);
    }
  } catch (err) {
    if (temporary) await rm(temporary, { force: true });
    throw err;
  } finally {
    await store.close();
  }
  const examples = format.data === 'csv' ? rows - 1 : rows;
  process.stderr.write(
    `Exported ${examples} corrections as ${format.data}${flags.out ? ` to ${flags.out}` : ''}.\n`,
  );
  return 0;
}
