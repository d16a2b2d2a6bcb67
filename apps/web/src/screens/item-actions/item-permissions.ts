import type { Session } from '../../api';
import type { ActionItem } from './item-actions-api';

/**
 * Which actions to offer, mirroring the item workflow's validators and the API's roles (which decide; a
 * form shown here by mistake is refused there with the reason).
 */
export function actionsFor(item: ActionItem, session: Session) {
  const { roles, departmentCode, username } = session.actor;
  const released = item.state === 'RELEASED';
  const closed = item.state === 'REJECTED' || item.state === 'WITHDRAWN';
  const isDrafter = item.drafter === username;
  const departmentLeader = roles.includes('leader') && departmentCode === item.departmentCode;
  const releaseOpen = !!item.releaseDueAt && !item.releasedAt;
  const openTasks = item.tasks.filter((task) => task.state === 'open');
  return {
    withdraw: released && (isDrafter || departmentLeader || roles.includes('disclosure-office')),
    newEdition: released && isDrafter && roles.includes('drafter'),
    extend: !closed && roles.includes('supervisor') && (releaseOpen || openTasks.length > 0),
    extensionTargets: [
      ...(releaseOpen ? [{ value: 'release', label: '法定公开时限' }] : []),
      ...openTasks.map((task) => ({ value: task.id, label: `${task.stageLabel}（内部时限）` })),
    ],
    incident: released && (roles.includes('disclosure-office') || roles.includes('supervisor') || departmentLeader),
    // The release ledger's retry and confirmations: the department's drafters and reviewers, or the disclosure office.
    ledger: roles.includes('disclosure-office') || (departmentCode === item.departmentCode && (roles.includes('drafter') || roles.includes('reviewer'))),
  };
}
