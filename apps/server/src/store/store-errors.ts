/**
 * Errors every `Store` adapter throws, so services can tell "does not exist" and "already exists"
 * apart from an outage without knowing which database is behind the port.
 */

/** A write referred to a record that does not exist (a conversation, a message, an agent). */
export class StoreNotFoundError extends Error {
  override readonly name = 'StoreNotFoundError';
  readonly code = 'not_found';

  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} not found`);
  }
}

/** A create collided with a record that already exists (same id, same agent email). */
export class StoreConflictError extends Error {
  override readonly name = 'StoreConflictError';
  readonly code = 'conflict';

  constructor(
    readonly entity: string,
    readonly key: string,
  ) {
    super(`${entity} ${key} already exists`);
  }
}
