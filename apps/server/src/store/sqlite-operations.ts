import type { Sql } from './sqlite-database';
import { mapConstraints } from './sqlite-database';
import type { OperationMethods, PendingOperation } from './store';

interface OperationRow {
  id: string;
  kind: string;
  payload: string;
  created_at: string;
}

/** The use cases in progress (see `PendingOperation`). */
export function createSqliteOperations(sql: Sql): OperationMethods {
  return {
    async beginOperation(operation) {
      mapConstraints(
        () =>
          sql(
            `INSERT INTO pending_operations (id, kind, payload, created_at)
             VALUES (@id, @kind, @payload, @createdAt)`,
          ).run({ ...operation, payload: JSON.stringify(operation.payload) }),
        { entity: 'operation', key: operation.id },
      );
    },

    async finishOperation(id) {
      sql('DELETE FROM pending_operations WHERE id = @id').run({ id });
    },

    async listOperations(limit) {
      return sql<OperationRow>(
        'SELECT * FROM pending_operations ORDER BY created_at ASC, id ASC LIMIT @limit',
      )
        .all({ limit })
        .map(
          (row): PendingOperation => ({
            id: row.id,
            kind: row.kind,
            payload: JSON.parse(row.payload) as Record<string, unknown>,
            createdAt: row.created_at,
          }),
        );
    },
  };
}
