import { auditSubjectCondition, auditSubjectsOf } from './audit-subjects';

describe('the objects an audit row speaks of', () => {
  const demandId = '6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f';
  const applicationId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

  it('reads them from the detail field each writer names them in', () => {
    expect(auditSubjectsOf({ action: 'application-demand.issued', detail: { applicationId, demandId } })).toEqual([
      { scope: 'applications', key: applicationId },
      { scope: 'application-demands', key: demandId },
    ]);
    expect(auditSubjectsOf({ action: 'calendar.year-loaded', detail: { year: 2027, holidayTableId: 7 } })).toEqual([{ scope: 'calendar-batches', key: '7' }]);
  });

  it('takes a field only under the actions that use it in that sense, and only in the shape of a key', () => {
    // A supervision demand's demandId, a catalog row's code: not an application demand, not a unit.
    expect(auditSubjectsOf({ action: 'supervision.demand-issued', detail: { demandId } })).toEqual([]);
    expect(auditSubjectsOf({ action: 'catalog.item-edited', detail: { code: 'edu', versionId: demandId } })).toEqual([{ scope: 'catalog-versions', key: demandId }]);
    expect(auditSubjectsOf({ action: 'org.department-created', detail: { code: 'edu' } })).toEqual([{ scope: 'departments', key: 'edu' }]);
    expect(auditSubjectsOf({ action: 'application.submitted', detail: { applicationId: 'not-a-uuid' } })).toEqual([]);
  });

  it('builds a condition whose parameters carry the key, never the SQL', () => {
    expect(auditSubjectCondition({ scope: 'users', key: "x' OR 1=1 --" }, 3)).toEqual({ sql: "(detail ? 'username' AND detail->>'username' = $3 AND starts_with(action, $4))", params: ["x' OR 1=1 --", 'org.user-'] });
    expect(auditSubjectCondition({ scope: 'consultations', key: applicationId }, 1)).toEqual({ sql: "(detail ? 'consultationId' AND detail->>'consultationId' = $1)", params: [applicationId] });
  });
});
