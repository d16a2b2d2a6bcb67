import { Link } from 'react-router';
import { auditTrailPath } from './audit-subjects';
import type { TrailScope } from './audit-types';

/**
 * A link to an object's audit timeline and chain check, for the screens that show the object (an
 * application, a consultation, a unit…). Only supervisors and admins may open it: show it to them only.
 */
export function AuditTrailLink({ scope, objectKey, children = '审计时间线与核验' }: { scope: TrailScope; objectKey: string; children?: string }) {
  return <Link to={auditTrailPath(scope, objectKey)}>{children}</Link>;
}
