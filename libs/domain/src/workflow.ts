/**
 * The deterministic entry point of the domain library: what workflow code may import. It leaves out the
 * working-day calendar (the statutory holiday tables and the lunar calendar behind them), because a deadline
 * is computed by an activity and only its instant enters a workflow's history: a new holiday table must never
 * change how an old history replays. Lint holds workflow code to this entry point.
 */
export * from './calendar/local-date';
export * from './calendar/deadline';
export * from './calendar/compute-deadline';
export * from './catalog';
export * from './identity';
export * from './identity/access-policy';
export * from './review';
export * from './disclosure';
export * from './concern';
export * from './obligation';
export * from './supervision';
export * from './consultation';
export * from './application';
