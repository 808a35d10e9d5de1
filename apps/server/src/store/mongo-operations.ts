import { insertOrConflict } from './mongo-connection';
import type { OperationDoc } from './mongo-documents';
import type { MongoModels } from './mongo-models';
import { isKey } from './mongo-rows';
import type { OperationMethods, PendingOperation } from './store';

/** The use cases in progress (see `PendingOperation`); the payload is kept as JSON text, read back exactly. */
export function createMongoOperations(models: MongoModels): OperationMethods {
  const { operations } = models;
  return {
    async beginOperation(operation) {
      const doc: OperationDoc = {
        _id: operation.id,
        kind: operation.kind,
        payload: JSON.stringify(operation.payload),
        createdAt: operation.createdAt,
      };
      await insertOrConflict(() => operations.create(doc), { entity: 'operation', key: operation.id });
    },

    async finishOperation(id) {
      if (!isKey(id)) return;
      await operations.deleteOne({ _id: id });
    },

    async listOperations(limit) {
      const docs = await operations
        .find({})
        .sort({ createdAt: 1, _id: 1 })
        .limit(limit)
        .lean<OperationDoc[]>();
      return docs.map(
        (doc): PendingOperation => ({
          id: doc._id,
          kind: doc.kind,
          payload: JSON.parse(doc.payload) as Record<string, unknown>,
          createdAt: doc.createdAt,
        }),
      );
    },
  };
}
