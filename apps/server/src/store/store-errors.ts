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

/**
 * A create collided with a record that already exists (same id, same agent email), or a conditional
 * update found the record changed since it was read.
 */
export class StoreConflictError extends Error {
  override readonly name = 'StoreConflictError';
  readonly code = 'conflict';

  constructor(
    readonly entity: string,
    readonly key: string,
    message = `${entity} ${key} already exists`,
  ) {
    super(message);
  }
}

/** A correction reviewed (or edited) by someone else between the reviewer's read and their review. */
export function changedSinceRead(correctionId: string): StoreConflictError {
  return new StoreConflictError(
    'correction',
    correctionId,
    `correction ${correctionId} was reviewed by someone else since it was read`,
  );
}
