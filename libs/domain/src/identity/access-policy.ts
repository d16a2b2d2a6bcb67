import { STAGE_ROLE, type ReviewStage } from '../review/review-chain';
import { roleLabel, type Role } from './roles';

/**
 * The access policy: who sees which department's work, who may act on which task, who may see personal
 * data. The API's services, the inbox query and the workflows' validators all ask here, so that the list a
 * user is shown and the refusal they get when they act can never disagree. (Separation of duties, which
 * depends on who decided what in one revision, is review/separation-of-duties.ts.)
 *
 * Pure and deterministic: workflow code imports it through `@zwgk/domain/workflow`.
 */

/** The part of an actor the policy reads: the API's Actor and a workflow's ActorRef both fit. */
export interface PolicyActor {
  readonly username: string;
  readonly departmentCode: string;
  readonly roles: readonly string[];
}

const holdsAny = (actor: PolicyActor, roles: readonly Role[]) => roles.some((role) => actor.roles.includes(role));

// ---------------------------------------------------------------------------------------------------------
// Departments and oversight

/** The department head (初审): overdue tasks of the department escalate to this role, and 督办 demands go to it. */
export const DEPARTMENT_HEAD_ROLE: Role = 'reviewer';

/**
 * Oversight: the roles that see every department's work (items, public concerns, obligations), because
 * they run disclosure for the whole county (政务公开办), supervise it (督查) or administer the system.
 */
export const OVERSIGHT_ROLES: readonly Role[] = ['disclosure-office', 'supervisor', 'admin'];

export function hasOversight(actor: PolicyActor): boolean {
  return holdsAny(actor, OVERSIGHT_ROLES);
}

/**
 * May the actor see work that concerns these departments (an item's, or a concern's item and assigned
 * department)? Their own department's, or everything with oversight.
 */
export function maySeeDepartmentWork(actor: PolicyActor, ...departmentCodes: readonly (string | null | undefined)[]): boolean {
  return hasOversight(actor) || departmentCodes.some((code) => code === actor.departmentCode);
}

/**
 * 督办 is the supervisors' instrument (admins keep the system): they see every department's demands. The
 * disclosure office oversees disclosure, not supervision, so it sees no demands; a department head sees
 * the ones on their department.
 */
export const SUPERVISION_ROLES: readonly Role[] = ['supervisor', 'admin'];

export function overseesSupervision(actor: PolicyActor): boolean {
  return holdsAny(actor, SUPERVISION_ROLES);
}

/** Who registers and removes periodic disclosure obligations (主动公开 schedules) for any department. */
export const OBLIGATION_MANAGING_ROLES: readonly Role[] = ['admin', 'disclosure-office'];

/** The role the actor manages obligations in, for the audit trail; undefined when they do not. */
export function obligationManagingRole(actor: PolicyActor): Role | undefined {
  return OBLIGATION_MANAGING_ROLES.find((role) => actor.roles.includes(role));
}

/** Who imports, edits and activates the standard catalog (政务公开事项标准目录), through the API or the CLI. */
export const CATALOG_ADMIN_ROLES: readonly Role[] = ['admin'];

export function mayManageCatalog(actor: Pick<PolicyActor, 'roles'>): boolean {
  return CATALOG_ADMIN_ROLES.some((role) => actor.roles.includes(role));
}

/**
 * Why the actor may not draft an item under a catalog row, or undefined when they may: only a department the
 * row names as responsible (责任部门) drafts under it, so what the public catalog shows as published under a
 * row is that department's. A row that names none is refused to everyone until one is assigned.
 */
export function catalogRowDraftingRefusal(actor: PolicyActor, rowDepartmentCodes: readonly string[]): 'unassigned' | 'not-owned' | undefined {
  if (rowDepartmentCodes.length === 0) return 'unassigned';
  return rowDepartmentCodes.includes(actor.departmentCode) ? undefined : 'not-owned';
}

/**
 * A catalog compilation round (目录编制 / 动态调整): the disclosure office opens it, reviews each department's
 * rows and activates the result; a department's drafters and its head propose its rows; the office's legal
 * reviewer and leader take the later steps (the workflow's validators check the department).
 */
export const COMPILATION_OFFICE_ROLES: readonly Role[] = ['disclosure-office'];
export const COMPILATION_PROPOSER_ROLES: readonly Role[] = ['drafter', 'reviewer'];
export const COMPILATION_DECIDER_ROLES: readonly Role[] = ['legal-reviewer', 'leader'];

/** May the actor propose rows for this department in a round? Its own drafters and head only. */
export function mayProposeCatalogRows(actor: PolicyActor, departmentCode: string): boolean {
  return actor.departmentCode === departmentCode && holdsAny(actor, COMPILATION_PROPOSER_ROLES);
}

/** Who registers a 政务舆情 incident on any item; a leader may on their own department's items. */
export const INCIDENT_ROLES: readonly Role[] = ['disclosure-office', 'supervisor'];

export function mayRegisterIncident(actor: PolicyActor, itemDepartmentCode: string): boolean {
  return holdsAny(actor, INCIDENT_ROLES) || (actor.roles.includes('leader') && actor.departmentCode === itemDepartmentCode);
}

/** Who works the release ledger (retrying a failed channel, confirming a manual one): the item's department's drafters and reviewers, or the disclosure office. */
export const RELEASE_LEDGER_DEPARTMENT_ROLES: readonly Role[] = ['drafter', 'reviewer'];

export function mayWorkReleaseLedger(actor: PolicyActor, itemDepartmentCode: string): boolean {
  return actor.roles.includes('disclosure-office') || (actor.departmentCode === itemDepartmentCode && holdsAny(actor, RELEASE_LEDGER_DEPARTMENT_ROLES));
}

// ---------------------------------------------------------------------------------------------------------
// Personal data

/**
 * A citizen's contact details on a question (留言人联系方式) are shown to staff who must answer it: those who
 * may see the concern (its item's department, the department it was assigned to, oversight). Never on the
 * public portal.
 */
export function maySeeAskerContact(actor: PolicyActor, concern: { readonly itemDepartmentCode: string; readonly assignedDepartmentCode: string | null }): boolean {
  return maySeeDepartmentWork(actor, concern.itemDepartmentCode, concern.assignedDepartmentCode);
}

// ---------------------------------------------------------------------------------------------------------
// Public consultation (意见征集)

/** A department's drafter opens its consultations and writes their feedback, as they draft its items. */
export const CONSULTATION_DRAFTING_ROLE: Role = 'drafter';

export function mayDraftConsultation(actor: PolicyActor, departmentCode: string): boolean {
  return actor.roles.includes(CONSULTATION_DRAFTING_ROLE) && actor.departmentCode === departmentCode;
}

/**
 * The moderation queue of a consultation: the department's drafter, head and leader, and the disclosure
 * office, which runs the portal. Supervisors and admins read but do not moderate.
 */
export const CONSULTATION_MODERATING_ROLES: readonly Role[] = ['drafter', 'reviewer', 'leader'];

export function mayModerateConsultation(actor: PolicyActor, departmentCode: string): boolean {
  if (actor.roles.includes('disclosure-office')) return true;
  return actor.departmentCode === departmentCode && holdsAny(actor, CONSULTATION_MODERATING_ROLES);
}

/** A commenter's contact: staff who may see the consultation (its department, oversight); never on the portal. */
export function maySeeCommenterContact(actor: PolicyActor, consultation: { readonly departmentCode: string }): boolean {
  return maySeeDepartmentWork(actor, consultation.departmentCode);
}

/** Staff e-mail and mobile numbers (the user directory): the admins who keep it and the supervisors who chase overdue work. */
export const STAFF_DIRECTORY_ROLES: readonly Role[] = ['admin', 'supervisor'];

// ---------------------------------------------------------------------------------------------------------
// Tasks

/** What the policy reads of a task, in the read model (review_tasks) and in a workflow's open task alike. */
export interface TaskAccessFacts {
  readonly role: string;
  readonly departmentCode: string;
  /** Set by a delegation: the one person the task is now for. */
  readonly assignee?: string | null;
  /**
   * Past its due time and not extended since: the task has escalated to the department head. (The read
   * model's `escalated`; a workflow's open task calls it `overdue`.)
   */
  readonly escalated: boolean;
}

/** Why the actor may act on a task. */
export type TaskAccessBasis = 'assignee' | 'role-pool' | 'escalation';

/** Holds the task's stage role in the task's department: the pool a task waits in, and who it may be delegated to. */
export function holdsStageRole(actor: PolicyActor, task: Pick<TaskAccessFacts, 'role' | 'departmentCode'>): boolean {
  return actor.roles.includes(task.role) && actor.departmentCode === task.departmentCode;
}

/**
 * Who may work on a task (see it, claim, release, delegate, decide): the delegate when it was delegated,
 * otherwise the holders of its stage role in its department; and, once it has escalated, the head of its
 * department as well, even over a delegate who let it run late. Undefined when the actor may not.
 */
export function taskAccessBasis(actor: PolicyActor, task: TaskAccessFacts): TaskAccessBasis | undefined {
  if (task.assignee ? task.assignee === actor.username : holdsStageRole(actor, task)) return task.assignee ? 'assignee' : 'role-pool';
  if (task.escalated && actor.departmentCode === task.departmentCode && actor.roles.includes(DEPARTMENT_HEAD_ROLE)) return 'escalation';
  return undefined;
}

export function mayActOnTask(actor: PolicyActor, task: TaskAccessFacts): boolean {
  return taskAccessBasis(actor, task) !== undefined;
}

/** Who the task is for, in words, for a refusal. */
export function taskHolderDescription(task: TaskAccessFacts): string {
  const holder = task.assignee ?? `部门 ${task.departmentCode} 的${roleLabel(task.role)}（${task.role}）`;
  return task.escalated ? `${holder}（已逾期，部门 ${task.departmentCode} 负责人也可办理）` : holder;
}

// ---------------------------------------------------------------------------------------------------------
// The inbox

/**
 * One path by which an open task reaches a user's inbox. The inbox query (apps/api/src/tasks/inbox-query.ts)
 * renders each branch as its own index-ordered subquery, so a branch must say exactly which rows it reads;
 * {@link inboxBranchAdmits} is the same predicate over one task, and the branches of one viewer never
 * admit the same task twice.
 */
export type InboxBranch =
  /** Delegated to me by name. */
  | { readonly kind: 'assigned' }
  /** Undelegated, in the pool of one of my roles in my department. */
  | { readonly kind: 'role-pool'; readonly role: string }
  /**
   * Escalated in my department, as its head, and not already in a branch above. `delegated-elsewhere` is the
   * narrower form used when a kind filter names one of my own roles: every undelegated task of that kind is
   * in my pool then, so only the ones delegated to someone else remain.
   */
  | { readonly kind: 'escalated'; readonly form: 'outside-my-pools' | 'delegated-elsewhere' };

export interface InboxTaskFacts extends TaskAccessFacts {
  readonly stage: string;
}

/** The branches of a viewer's inbox, given the stage the list is filtered to (if any). */
export function inboxBranches(viewer: PolicyActor, kind?: ReviewStage): InboxBranch[] {
  const branches: InboxBranch[] = [{ kind: 'assigned' }];
  // A stage is always worked by one role, so a kind filter prunes whole pool branches.
  const poolRoles = [...new Set(viewer.roles)].filter((role) => kind === undefined || role === STAGE_ROLE[kind]).sort();
  for (const role of poolRoles) branches.push({ kind: 'role-pool', role });
  if (viewer.roles.includes(DEPARTMENT_HEAD_ROLE)) {
    branches.push({ kind: 'escalated', form: kind !== undefined && viewer.roles.includes(STAGE_ROLE[kind]) ? 'delegated-elsewhere' : 'outside-my-pools' });
  }
  return branches;
}

/** Does this branch read this task? (Stage filters are applied to every branch alike, outside it.) */
export function inboxBranchAdmits(branch: InboxBranch, viewer: PolicyActor, task: InboxTaskFacts): boolean {
  const assignee = task.assignee ?? null;
  switch (branch.kind) {
    case 'assigned':
      return assignee === viewer.username;
    case 'role-pool':
      return assignee === null && task.departmentCode === viewer.departmentCode && task.role === branch.role;
    case 'escalated':
      if (!task.escalated || task.departmentCode !== viewer.departmentCode) return false;
      return branch.form === 'delegated-elsewhere'
        ? assignee !== null && assignee !== viewer.username
        : assignee !== viewer.username && !(assignee === null && viewer.roles.includes(task.role));
  }
}

/** Does the viewer's inbox list this open task (under this stage filter)? */
export function inboxListsTask(viewer: PolicyActor, task: InboxTaskFacts, kind?: ReviewStage): boolean {
  if (kind !== undefined && task.stage !== kind) return false;
  return inboxBranches(viewer, kind).some((branch) => inboxBranchAdmits(branch, viewer, task));
}

// ---------------------------------------------------------------------------------------------------------
// 依申请公开 (applications for disclosure)

/** The staff steps of an application, each done by one kind of actor. */
export type ApplicationStepName =
  | 'sign' | 'accept' | 'transfer' | 'return'
  | 'request-correction' | 'correction-received'
  | 'request-extension' | 'decide-extension'
  | 'start-consultation' | 'consultation-answered'
  | 'fee-notice' | 'fee-paid'
  | 'draft-reply' | 'review-reply' | 'sign-off-reply' | 'deliver-reply';

/** Who holds an application: the 政府信息公开工作机构 (the office) that receives it, and the department handling it. */
export interface ApplicationAccessFacts {
  readonly officeDepartmentCode: string;
  readonly handlingDepartmentCode?: string | null;
}

/** The disclosure office (政府信息公开工作机构) receives, registers, corrects, charges and delivers (条例 Art. 4, 29). */
export const APPLICATION_OFFICE_ROLE: Role = 'disclosure-office';
/** The head of the 政府信息公开工作机构 approves an extension (条例 Art. 33): the office's head or supervisor. */
export const APPLICATION_EXTENSION_APPROVER_ROLES: readonly Role[] = ['reviewer', 'supervisor'];

const OFFICE_STEPS: readonly ApplicationStepName[] = ['sign', 'accept', 'transfer', 'request-correction', 'correction-received', 'fee-notice', 'fee-paid', 'deliver-reply'];
/** Steps the handling department takes, which the office may also take for it. */
const HANDLING_STEPS: readonly ApplicationStepName[] = ['return', 'request-extension', 'start-consultation', 'consultation-answered', 'draft-reply'];

export function isApplicationOffice(actor: PolicyActor, facts: ApplicationAccessFacts): boolean {
  return actor.departmentCode === facts.officeDepartmentCode && actor.roles.includes(APPLICATION_OFFICE_ROLE);
}

/**
 * May the actor take this step on the application? The office takes the office's steps; the handling
 * department (or the office for it) drafts and consults; 保密审查 and 签发 are the handling department's
 * secrecy reviewer and leader (条例 Art. 17: what is released is checked first); the extension is decided by the
 * office's head. `return` is the handling department's own (sending it back to the office).
 */
export function mayTakeApplicationStep(actor: PolicyActor, step: ApplicationStepName, facts: ApplicationAccessFacts): boolean {
  const inHandling = facts.handlingDepartmentCode != null && actor.departmentCode === facts.handlingDepartmentCode;
  if (OFFICE_STEPS.includes(step)) return isApplicationOffice(actor, facts);
  if (step === 'return') return inHandling;
  if (HANDLING_STEPS.includes(step)) return inHandling || isApplicationOffice(actor, facts);
  if (step === 'review-reply') return inHandling && actor.roles.includes('secrecy-reviewer');
  if (step === 'sign-off-reply') return inHandling && actor.roles.includes('leader');
  return actor.departmentCode === facts.officeDepartmentCode && holdsAny(actor, APPLICATION_EXTENSION_APPROVER_ROLES);
}

/**
 * Who may see an applicant's personal data (name, ID document, contact): only the office's disclosure staff
 * and the handling department, never the portal, nor supervisors and admins (they see it masked).
 */
export function maySeeApplicantData(actor: PolicyActor, facts: ApplicationAccessFacts): boolean {
  return isApplicationOffice(actor, facts) || (facts.handlingDepartmentCode != null && actor.departmentCode === facts.handlingDepartmentCode);
}

/** Who may see an application at all (without personal data unless maySeeApplicantData): its office, its department, oversight. */
export function maySeeApplication(actor: PolicyActor, facts: ApplicationAccessFacts): boolean {
  return hasOversight(actor) || actor.departmentCode === facts.officeDepartmentCode || maySeeApplicantData(actor, facts);
}

// 督办 on an application

/** Who issues and closes a 督办 on an application: the supervisors, as for items (admins keep the system, they do not supervise). */
export const APPLICATION_DEMAND_SUPERVISING_ROLES: readonly Role[] = ['supervisor'];

export function maySuperviseApplicationDemand(actor: PolicyActor): boolean {
  return holdsAny(actor, APPLICATION_DEMAND_SUPERVISING_ROLES);
}

/**
 * The role that answers a 督办 for the department it was issued to: the department head (负责人), as for an
 * item; while the office itself holds the application (not yet assigned, or handled there), its disclosure
 * staff, since the office has no head role of its own in the application's steps.
 */
export function applicationDemandAnswerRole(demand: { readonly departmentCode: string; readonly officeDepartmentCode: string }): Role {
  return demand.departmentCode === demand.officeDepartmentCode ? APPLICATION_OFFICE_ROLE : DEPARTMENT_HEAD_ROLE;
}

/** May the actor answer (说明情况, 整改措施) this 督办? Only the answering role in the department it was issued to. */
export function mayAnswerApplicationDemand(actor: PolicyActor, demand: { readonly departmentCode: string; readonly officeDepartmentCode: string }): boolean {
  return actor.departmentCode === demand.departmentCode && actor.roles.includes(applicationDemandAnswerRole(demand));
}

// Personal information

/**
 * Who may record the legal reason for releasing a piece of personal information as it is: the 保密审查
 * reviewers of the item's department, whose stage the release gate guards. Nobody else, oversight included:
 * the decision is part of the 保密审查 and is audited as such.
 */
export function mayJustifyPersonalInformation(actor: PolicyActor, itemDepartmentCode: string): boolean {
  return actor.roles.includes(STAGE_ROLE['confidentiality-review']) && actor.departmentCode === itemDepartmentCode;
}
