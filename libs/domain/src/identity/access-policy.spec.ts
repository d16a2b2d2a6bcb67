import fc from 'fast-check';
import { REVIEW_STAGES, STAGE_ROLE, type ReviewStage } from '../review/review-chain';
import {
  applicationDemandAnswerRole,
  catalogRowDraftingRefusal,
  mayAnswerApplicationDemand,
  maySuperviseApplicationDemand,
  mayTakeApplicationStep,
  maySeeApplicantData,
  maySeeApplication,
  DEPARTMENT_HEAD_ROLE,
  hasOversight,
  inboxBranchAdmits,
  inboxBranches,
  inboxListsTask,
  mayActOnTask,
  maySeeAskerContact,
  maySeeDepartmentWork,
  overseesSupervision,
  taskAccessBasis,
  type InboxTaskFacts,
  type PolicyActor,
} from './access-policy';
import { ROLES } from './roles';

// Small universes, so that generated users and tasks share names and departments often.
const USERNAMES = ['edu.reviewer', 'edu.secrecy', 'edu.leader', 'civil.leader', 'someone'];
const DEPARTMENTS = ['edu', 'civil'];

const actor = fc.record({
  username: fc.constantFrom(...USERNAMES),
  departmentCode: fc.constantFrom(...DEPARTMENTS),
  roles: fc.subarray([...ROLES]),
});

/** A review task's role is its stage's; a supervisor's demand shares the table and waits for the department head. */
const task: fc.Arbitrary<InboxTaskFacts> = fc
  .record({
    stage: fc.constantFrom<string>(...REVIEW_STAGES, 'supervision-demand'),
    departmentCode: fc.constantFrom(...DEPARTMENTS),
    assignee: fc.option(fc.constantFrom(...USERNAMES), { nil: null }),
    escalated: fc.boolean(),
  })
  .map((facts) => ({ ...facts, role: facts.stage === 'supervision-demand' ? DEPARTMENT_HEAD_ROLE : STAGE_ROLE[facts.stage as ReviewStage] }));

const kindFilter = fc.option(fc.constantFrom(...REVIEW_STAGES), { nil: undefined });

describe('the inbox and the task policy', () => {
  it('never lists a task its user would be refused on', () => {
    fc.assert(
      fc.property(actor, task, kindFilter, (viewer, facts, kind) => {
        if (inboxListsTask(viewer, facts, kind)) expect(mayActOnTask(viewer, facts)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('lists every open task its user may act on that matches the filter', () => {
    fc.assert(
      fc.property(actor, task, kindFilter, (viewer, facts, kind) => {
        if (mayActOnTask(viewer, facts) && (kind === undefined || facts.stage === kind)) expect(inboxListsTask(viewer, facts, kind)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads each task through at most one branch, so the query needs no DISTINCT', () => {
    fc.assert(
      fc.property(actor, task, kindFilter, (viewer, facts, kind) => {
        expect(inboxBranches(viewer, kind).filter((branch) => inboxBranchAdmits(branch, viewer, facts)).length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('who may act on a task', () => {
  const head: PolicyActor = { username: 'edu.reviewer', departmentCode: 'edu', roles: ['reviewer'] };
  const secrecy: PolicyActor = { username: 'edu.secrecy', departmentCode: 'edu', roles: ['secrecy-reviewer'] };
  const colleague: PolicyActor = { username: 'edu.secrecy2', departmentCode: 'edu', roles: ['secrecy-reviewer'] };
  const civilHead: PolicyActor = { username: 'civil.reviewer', departmentCode: 'civil', roles: ['reviewer'] };
  const pooled = { role: 'secrecy-reviewer', departmentCode: 'edu', assignee: null, escalated: false };

  it('is the stage role in the department, or the delegate alone once delegated', () => {
    expect(taskAccessBasis(secrecy, pooled)).toBe('role-pool');
    expect(mayActOnTask({ ...secrecy, departmentCode: 'civil' }, pooled)).toBe(false);
    expect(mayActOnTask(head, pooled)).toBe(false);
    const delegated = { ...pooled, assignee: colleague.username };
    expect(taskAccessBasis(colleague, delegated)).toBe('assignee');
    expect(mayActOnTask(secrecy, delegated)).toBe(false);
  });

  it('lets the department head act on an escalated task, delegated or not, and no other head', () => {
    expect(taskAccessBasis(head, { ...pooled, escalated: true })).toBe('escalation');
    expect(taskAccessBasis(head, { ...pooled, escalated: true, assignee: colleague.username })).toBe('escalation');
    expect(mayActOnTask(civilHead, { ...pooled, escalated: true })).toBe(false);
  });
});

describe('oversight and personal data', () => {
  const office: PolicyActor = { username: 'office.publisher', departmentCode: 'office', roles: ['disclosure-office'] };
  const supervisor: PolicyActor = { username: 'office.supervisor', departmentCode: 'office', roles: ['supervisor'] };
  const drafter: PolicyActor = { username: 'edu.drafter', departmentCode: 'edu', roles: ['drafter'] };

  it('lets oversight see every department and others their own', () => {
    expect([office, supervisor, drafter].map(hasOversight)).toEqual([true, true, false]);
    expect(maySeeDepartmentWork(drafter, 'edu')).toBe(true);
    expect(maySeeDepartmentWork(drafter, 'civil')).toBe(false);
    expect(maySeeDepartmentWork(office, 'civil')).toBe(true);
  });

  it('keeps 督办 to supervisors and admins', () => {
    expect([office, supervisor, drafter].map(overseesSupervision)).toEqual([false, true, false]);
  });

  it('shows an asker\'s contact to the departments answering the concern and to oversight only', () => {
    expect(maySeeAskerContact(drafter, { itemDepartmentCode: 'civil', assignedDepartmentCode: 'edu' })).toBe(true);
    expect(maySeeAskerContact(drafter, { itemDepartmentCode: 'civil', assignedDepartmentCode: null })).toBe(false);
    expect(maySeeAskerContact(office, { itemDepartmentCode: 'civil', assignedDepartmentCode: null })).toBe(true);
  });
});

describe('drafting under a catalog row', () => {
  const drafter = { username: 'd', departmentCode: 'edu', roles: ['drafter'] };
  it('is for a department the row names, refused to others and to everyone on an unassigned row', () => {
    expect(catalogRowDraftingRefusal(drafter, ['edu'])).toBeUndefined();
    expect(catalogRowDraftingRefusal(drafter, ['civil', 'edu'])).toBeUndefined();
    expect(catalogRowDraftingRefusal(drafter, ['civil'])).toBe('not-owned');
    expect(catalogRowDraftingRefusal({ ...drafter, roles: ['admin'] }, ['civil'])).toBe('not-owned');
    expect(catalogRowDraftingRefusal(drafter, [])).toBe('unassigned');
  });
});

describe('applications for disclosure (依申请公开)', () => {
  const facts = { officeDepartmentCode: 'office', handlingDepartmentCode: 'edu' };
  const actor = (departmentCode: string, ...roles: string[]) => ({ username: `${departmentCode}.${roles.join('.')}`, departmentCode, roles });

  it('gives each step to its actor: the office registers, the department drafts, its secrecy reviewer and leader check, the office head extends', () => {
    expect(mayTakeApplicationStep(actor('office', 'disclosure-office'), 'sign', facts)).toBe(true);
    expect(mayTakeApplicationStep(actor('edu', 'drafter'), 'sign', facts)).toBe(false);
    expect(mayTakeApplicationStep(actor('edu', 'drafter'), 'draft-reply', facts)).toBe(true);
    expect(mayTakeApplicationStep(actor('civil', 'drafter'), 'draft-reply', facts)).toBe(false);
    expect(mayTakeApplicationStep(actor('edu', 'secrecy-reviewer'), 'review-reply', facts)).toBe(true);
    expect(mayTakeApplicationStep(actor('edu', 'leader'), 'review-reply', facts)).toBe(false);
    expect(mayTakeApplicationStep(actor('edu', 'leader'), 'sign-off-reply', facts)).toBe(true);
    expect(mayTakeApplicationStep(actor('office', 'supervisor'), 'decide-extension', facts)).toBe(true);
    expect(mayTakeApplicationStep(actor('office', 'disclosure-office'), 'decide-extension', facts)).toBe(false);
    expect(mayTakeApplicationStep(actor('office', 'disclosure-office'), 'return', facts)).toBe(false);
  });

  it('shows personal data to the office staff and the handling department only', () => {
    expect(maySeeApplicantData(actor('office', 'disclosure-office'), facts)).toBe(true);
    expect(maySeeApplicantData(actor('edu', 'drafter'), facts)).toBe(true);
    expect(maySeeApplicantData(actor('office', 'supervisor'), facts)).toBe(false);
    expect(maySeeApplicantData(actor('county', 'admin'), facts)).toBe(false);
    expect(maySeeApplication(actor('office', 'supervisor'), facts)).toBe(true);
    expect(maySeeApplication(actor('civil', 'drafter'), facts)).toBe(false);
  });
});

describe('督办 on an application', () => {
  const actor = (departmentCode: string, ...roles: string[]) => ({ username: `${departmentCode}.${roles.join('.')}`, departmentCode, roles });
  const toEdu = { departmentCode: 'edu', officeDepartmentCode: 'office' };
  const toOffice = { departmentCode: 'office', officeDepartmentCode: 'office' };

  it('is issued and closed by supervisors only, not by admins or the disclosure office', () => {
    expect(maySuperviseApplicationDemand(actor('office', 'supervisor'))).toBe(true);
    expect(maySuperviseApplicationDemand(actor('county', 'admin'))).toBe(false);
    expect(maySuperviseApplicationDemand(actor('office', 'disclosure-office'))).toBe(false);
  });

  it('is answered by the head of the department it was issued to, or by the office disclosure staff when that is the office', () => {
    expect(applicationDemandAnswerRole(toEdu)).toBe(DEPARTMENT_HEAD_ROLE);
    expect(mayAnswerApplicationDemand(actor('edu', 'reviewer'), toEdu)).toBe(true);
    expect(mayAnswerApplicationDemand(actor('edu', 'drafter'), toEdu)).toBe(false);
    expect(mayAnswerApplicationDemand(actor('civil', 'reviewer'), toEdu)).toBe(false);
    expect(mayAnswerApplicationDemand(actor('office', 'disclosure-office'), toEdu)).toBe(false);
    expect(applicationDemandAnswerRole(toOffice)).toBe('disclosure-office');
    expect(mayAnswerApplicationDemand(actor('office', 'disclosure-office'), toOffice)).toBe(true);
    expect(mayAnswerApplicationDemand(actor('office', 'supervisor'), toOffice)).toBe(false);
  });
});

// The release ledger's follow-ups (retry a failed channel, confirm a manual one).
import { mayWorkReleaseLedger } from './access-policy';

describe('who works the release ledger', () => {
  const actor = (roles: string[], departmentCode = 'edu') => ({ username: 'u', departmentCode, roles: roles as never });
  it('is the department\'s drafters and reviewers, or the disclosure office', () => {
    expect(mayWorkReleaseLedger(actor(['drafter']), 'edu')).toBe(true);
    expect(mayWorkReleaseLedger(actor(['reviewer']), 'edu')).toBe(true);
    expect(mayWorkReleaseLedger(actor(['disclosure-office'], 'office'), 'edu')).toBe(true);
  });
  it('is nobody else: another department, a leader, a supervisor, an admin', () => {
    expect(mayWorkReleaseLedger(actor(['drafter'], 'civil'), 'edu')).toBe(false);
    expect(mayWorkReleaseLedger(actor(['leader', 'secrecy-reviewer', 'legal-reviewer']), 'edu')).toBe(false);
    expect(mayWorkReleaseLedger(actor(['supervisor', 'admin'], 'office'), 'edu')).toBe(false);
  });
});
