import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './store-contract';
import { at } from './store-fixtures';

const policy = {
  mode: 'approval',
  confidenceThreshold: 0.6,
  rules: [
    { id: 'refunds', topics: ['refund', 'chargeback'], action: 'escalate', weights: [[1, 0.5], []] },
    { id: 'legal', topics: [], action: 'require_approval', note: null },
  ],
  nested: { empty: {}, list: [{ deep: [true, false, null, 'x', -1.25] }] },
};

export function describeSettingContract(current: CurrentStore): void {
  describe('settings', () => {
    it('returns null for a setting that was never stored', async () => {
      expect(await current().getSetting('escalation_policy')).toBeNull();
    });

    it('reads back a stored value exactly, with its updatedAt', async () => {
      const store = current();
      await store.putSetting('escalation_policy', policy, at(1));
      expect(await store.getSetting('escalation_policy')).toEqual({ value: policy, updatedAt: at(1) });
      expect(await store.getSetting('other_key')).toBeNull();
    });

    it('overwrites a stored value', async () => {
      const store = current();
      await store.putSetting('escalation_policy', policy, at(1));
      const next = { ...policy, mode: 'supervised', rules: [] };
      await store.putSetting('escalation_policy', next, at(2));
      expect(await store.getSetting('escalation_policy')).toEqual({ value: next, updatedAt: at(2) });
    });

    it('stores values of every JSON type, each under its own key', async () => {
      const store = current();
      const values: Record<string, unknown> = {
        text: 'hello',
        number: 42.5,
        flag: false,
        nothing: null,
        list: [1, [2, [3]], { a: [] }],
        special: { 'dotted.key': 1, $dollar: 2 },
      };
      for (const [key, value] of Object.entries(values)) await store.putSetting(key, value, at(3));
      for (const [key, value] of Object.entries(values)) {
        expect(await store.getSetting(key)).toEqual({ value, updatedAt: at(3) });
      }
    });
  });
}
