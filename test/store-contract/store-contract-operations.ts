import { describe, expect, it } from 'vitest';
import { StoreConflictError } from '../../apps/server/src/store/store-errors';
import type { CurrentStore } from './store-contract';
import { at } from './store-fixtures';

export function describeOperationContract(current: CurrentStore): void {
  describe('use cases in progress', () => {
    it('keeps an operation with its payload exactly until it is finished, oldest first', async () => {
      const store = current();
      const payload = { conversationId: 'conv_1', text: 'Ünïcode & "quotes"', $odd: { 'a.b': [1, null] } };
      await store.beginOperation({ id: 'op_2', kind: 'claim', payload: { n: 2 }, createdAt: at(2) });
      await store.beginOperation({ id: 'op_1', kind: 'review_draft', payload, createdAt: at(1) });
      expect(await store.listOperations(10)).toEqual([
        { id: 'op_1', kind: 'review_draft', payload, createdAt: at(1) },
        { id: 'op_2', kind: 'claim', payload: { n: 2 }, createdAt: at(2) },
      ]);
      expect((await store.listOperations(1)).map((o) => o.id)).toEqual(['op_1']);
      await store.finishOperation('op_1');
      await store.finishOperation('op_1');
      await store.finishOperation('op_missing');
      expect((await store.listOperations(10)).map((o) => o.id)).toEqual(['op_2']);
    });

    it('refuses a second operation with the same id', async () => {
      const store = current();
      const op = { id: 'op_same', kind: 'claim', payload: {}, createdAt: at(0) };
      await store.beginOperation(op);
      await expect(store.beginOperation({ ...op, kind: 'close' })).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store.listOperations(10)).toEqual([op]);
    });
  });
}
