import { REVIEW_STAGE_LABELS, type ReviewStage } from './review-chain';

/**
 * Separation of duties (四眼原则) in the review of one revision: the drafter decides no stage of their own
 * item, and nobody decides two stages of the same revision, whatever roles they hold. A return or an edit
 * after 签发 starts a new revision, and with it a fresh chain of deciders.
 *
 * Returns why the person may not decide (in Chinese, for the refusal), or undefined when they may.
 */
export function separationOfDutiesRefusal(request: {
  readonly username: string;
  readonly drafterUsername: string;
  /** Who has approved a stage of this revision so far, and which stage. */
  readonly stageDeciders: ReadonlyMap<string, ReviewStage>;
}): string | undefined {
  if (request.username === request.drafterUsername) return '起草人不能审核本人起草的事项的任何环节';
  const decided = request.stageDeciders.get(request.username);
  if (decided) return `四眼原则：您已办理本次修订的${REVIEW_STAGE_LABELS[decided]}，同一修订的其他审核环节须由他人办理`;
  return undefined;
}
