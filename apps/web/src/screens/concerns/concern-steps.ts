import type { Session } from '../../api';
import type { Concern } from './concern-types';

/**
 * Which step panels to offer this user, mirroring the workflow's validators (which decide: a panel shown
 * here by mistake is refused there). Each step names who takes it when it is not this user.
 */
export function stepsFor(concern: Concern, session: Session, now: number) {
  const { roles, departmentCode, username } = session.actor;
  const office = roles.includes('disclosure-office');
  const assigned = concern.assignedDepartmentCode;
  const responseClock = concern.deadlines.find((deadline) => deadline.milestone === 'response');
  return {
    triage: concern.state === 'AWAITING_TRIAGE' && office,
    draft: concern.state === 'AWAITING_RESPONSE' && roles.includes('drafter') && departmentCode === assigned,
    review: concern.state === 'AWAITING_REVIEW' && roles.includes('leader') && departmentCode === assigned && username !== concern.draftedBy,
    extend:
      office &&
      concern.kind === 'message' &&
      !concern.deadlineExtended &&
      concern.state !== 'APPROVED' &&
      concern.state !== 'PUBLISHED' &&
      !!responseClock &&
      !responseClock.overdue &&
      Date.parse(responseClock.dueAt) > now,
    pressConference:
      concern.kind === 'major-emergency' &&
      !concern.pressConference &&
      (office || (roles.includes('leader') && (departmentCode === concern.itemDepartmentCode || departmentCode === assigned))),
  };
}

/** Who the concern waits for, in words, when this user has no step to take. */
export function waitingFor(concern: Concern, departmentName: (code: string | null) => string): string | null {
  switch (concern.state) {
    case 'AWAITING_TRIAGE':
      return '等待政务公开办分办。';
    case 'AWAITING_RESPONSE':
      return `等待${departmentName(concern.assignedDepartmentCode)}起草答复。`;
    case 'AWAITING_REVIEW':
      return `等待${departmentName(concern.assignedDepartmentCode)}负责人审核答复。`;
    case 'APPROVED':
      return '答复已审核通过，正在公开。';
    default:
      return null;
  }
}
