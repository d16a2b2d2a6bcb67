/**
 * The `type` of the ApplicationFailure a workflow validator or activity throws for a business rule.
 * The API maps each to an HTTP status in one place.
 */
export const FailureType = {
  /** The actor may not do this (wrong role, wrong department, own item): 403. */
  Forbidden: 'Forbidden',
  /** The item or task is not in a state that allows this (already decided, not a draft): 409. */
  Conflict: 'Conflict',
  /** The task or item does not exist in this workflow: 404. */
  NotFound: 'NotFound',
  /** A field is missing or wrong: 400. The failure's details carry the field names. */
  InvalidInput: 'InvalidInput',
  /**
   * Data the database or the domain cannot take (a NUL byte, a value breaking a constraint, a date the
   * working-day calendar does not cover): 400. Thrown by activities and never retried, since a retry
   * sends the same data; a workflow refuses the request that carried it.
   */
  InvalidData: 'InvalidData',
  /**
   * A step acting on a request kept failing until its retries ran out (the database unreachable for
   * minutes): 503. Nothing was applied, and the same request may be sent again later.
   */
  Unavailable: 'Unavailable',
} as const;
export type FailureType = (typeof FailureType)[keyof typeof FailureType];
