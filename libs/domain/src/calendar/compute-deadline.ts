import { computeReleaseDeadline } from './deadline';

/**
 * The due instant of any time limit counted in the working-day calendar: an item's release, a review
 * stage, an extension, a concern's reply. `computeReleaseDeadline` is the same function under the name it
 * had when releases were the only deadline; new code calls this one, and the old name goes once its
 * callers have moved.
 */
export const computeDeadline: typeof computeReleaseDeadline = computeReleaseDeadline;
