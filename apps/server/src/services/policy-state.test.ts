import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { silentLogger } from '../lib/logger';
import { createSqliteStore } from '../store/sqlite-store';
import { loadActivePolicy } from './policy-state';

async function policyWith(env: Record<string, string>) {
  const store = await createSqliteStore({ file: ':memory:' });
  try {
    return await loadActivePolicy(store, loadConfig({ DATA_DIR: '/tmp/unused', ...env }), silentLogger);
  } finally {
    await store.close();
  }
}

describe('the policy in force at start', () => {
  it('takes both bands from the environment over the policy file', async () => {
    const { policy } = await policyWith({ CONFIDENCE_THRESHOLD: '0.9', REVIEW_THRESHOLD: '0.6' });
    expect(policy).toMatchObject({ confidenceThreshold: 0.9, reviewThreshold: 0.6 });
  });

  it('refuses thresholds from the environment that put the bands out of order, naming the field', async () => {
    await expect(policyWith({ CONFIDENCE_THRESHOLD: '0.5', REVIEW_THRESHOLD: '0.6' })).rejects.toThrow(
      /reviewThreshold: reviewThreshold 0\.6 must not exceed confidenceThreshold 0\.5/,
    );
  });

  it('refuses a REVIEW_THRESHOLD that is not a number in 0..1', () => {
    expect(() => loadConfig({ REVIEW_THRESHOLD: '1.5' })).toThrow(/REVIEW_THRESHOLD/);
  });
});
