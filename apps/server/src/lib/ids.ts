import { randomBytes } from 'node:crypto';

/** Time-sortable, URL-safe ids like `msg_lq3k9x2a8f1c0d9e7b6a`. */
export function createId(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${randomBytes(8).toString('hex')}`;
}
