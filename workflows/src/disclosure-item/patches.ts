/**
 * The item workflow's patch ids. A history recorded before a change replays down the old branch of its
 * `patched(id)`; a new run takes the new one. An id is never reused nor renamed.
 */

/** patched(): a normative document's interpretation is tracked after release like a policy document's. */
export const NORMATIVE_DOCUMENTS_NEED_INTERPRETATION = 'normative-documents-need-interpretation';
/** patched(): a release under a rule with a 公示期 records the period, and a timer closes it. */
export const PUBLICITY_PERIOD = 'publicity-period';
/** patched(): the statutory release deadline runs on its own timer (reminder, overdue), and a release records whether it was late. */
export const RELEASE_DEADLINE_TIMER = 'release-deadline-timer';
/** patched(): a recalculated release deadline keeps the supervisors' extensions granted before it. */
export const RECALCULATION_KEEPS_EXTENSIONS = 'recalculation-keeps-extensions';
/**
 * patched(): the lean item. One activity per human step, writing the read model, the audit rows and the
 * next task in one transaction; calendar look-ups as local activities or folded into the step; channels
 * released website first, then the rest together; search attributes upserted once per workflow task. And a
 * released item with nothing left to time completes: a later change re-opens it with update-with-start.
 * Implies the three patches above (a lean history never asks for them).
 */
export const LEAN_ITEM = 'lean-item';
/**
 * patched(): an extended release deadline is, in the workflow, the one the read model records: it keeps the
 * rule's 公示期 (publicityPeriod) and the explanation of how it came about, instead of the bare extension's.
 */
export const EXTENSION_KEEPS_RELEASE_RULE = 'extension-keeps-release-rule';
/**
 * patched(): a lean release is one activity for every channel (the website first inside it, then the rest
 * together; each channel's ledger row written as before, a refused channel recorded as failed) that also
 * records the edition, RELEASED, the timing, the 公示期 and the interpretation's tracking.
 */
export const RELEASE_IN_ONE_ACTIVITY = 'release-in-one-activity';
/**
 * patched(): 签发 approved with the release due now is one activity: the decision's step (task closed,
 * APPROVED, sign-off, its audit row) and then the release of 'release-in-one-activity'.
 */
export const SIGN_OFF_RELEASES = 'sign-off-releases';
/** patched(): the draft's step computes the statutory release deadline itself, instead of an activity before it. */
export const DRAFT_STEP_COMPUTES_DEADLINE = 'draft-step-computes-deadline';
/** patched(): the statutory release deadline passing unreleased is one step: the flag, its audit row and both notices. */
export const RELEASE_OVERDUE_IN_ONE_STEP = 'release-overdue-in-one-step';
/**
 * patched(): a new run takes every patch above at once, asking only this one. Each patch asked for on its own
 * adds a marker and the SDK's TemporalChangeVersion upsert (a visibility write) to a new history; this leaves
 * one of each. A history recorded before it asks the patches one by one, as it did. A patch added later is
 * asked for on its own (or a later id like this one takes it in too).
 */
export const EVERY_ITEM_PATCH_AT_ONCE = 'every-item-patch-at-once';
