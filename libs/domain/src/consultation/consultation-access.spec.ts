import { mayDraftConsultation, mayModerateConsultation, maySeeCommenterContact } from '../identity/access-policy';

describe('who acts on a consultation', () => {
  const actor = (departmentCode: string, ...roles: string[]) => ({ username: 'u', departmentCode, roles });

  it('lets only a drafter of the department open it and answer it', () => {
    expect(mayDraftConsultation(actor('edu', 'drafter'), 'edu')).toBe(true);
    expect(mayDraftConsultation(actor('civil', 'drafter'), 'edu')).toBe(false);
    expect(mayDraftConsultation(actor('edu', 'reviewer', 'leader'), 'edu')).toBe(false);
  });

  it('lets the department and the disclosure office moderate, not supervisors or admins', () => {
    for (const role of ['drafter', 'reviewer', 'leader']) expect(mayModerateConsultation(actor('edu', role), 'edu')).toBe(true);
    expect(mayModerateConsultation(actor('edu', 'secrecy-reviewer'), 'edu')).toBe(false);
    expect(mayModerateConsultation(actor('civil', 'leader'), 'edu')).toBe(false);
    expect(mayModerateConsultation(actor('office', 'disclosure-office'), 'edu')).toBe(true);
    expect(mayModerateConsultation(actor('office', 'supervisor', 'admin'), 'edu')).toBe(false);
  });

  it('shows a commenter\u2019s contact to the department and oversight only', () => {
    expect(maySeeCommenterContact(actor('edu', 'drafter'), { departmentCode: 'edu' })).toBe(true);
    expect(maySeeCommenterContact(actor('office', 'supervisor'), { departmentCode: 'edu' })).toBe(true);
    expect(maySeeCommenterContact(actor('civil', 'leader'), { departmentCode: 'edu' })).toBe(false);
  });
});
