import '../staff-screens.css';
import type { RouteParams } from '../../routes';
import { AuditSearch } from './AuditSearch';
import { isTrailScope } from './audit-subjects';
import { ObjectTrail } from './ObjectTrail';

/**
 * 审计日志 (supervisors and admins): searching the trail at /audit; the timeline of one object at
 * /audit/<scope>/<key>: an item or an object without an item with its hash-chain check, or a user's actions.
 */
export default function AuditScreen({ params }: { params: RouteParams }) {
  const scope = isTrailScope(params.scope) ? params.scope : undefined;
  return (
    <section className="page" aria-labelledby="audit-title">
      {scope && params.key ? (
        <ObjectTrail key={`${scope}:${params.key}`} scope={scope} objectKey={params.key} />
      ) : (
        <>
          <h1 id="audit-title">审计日志</h1>
          <AuditSearch />
        </>
      )}
    </section>
  );
}
