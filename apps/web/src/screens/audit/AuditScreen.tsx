import '../staff-screens.css';
import type { RouteParams } from '../../routes';
import { AuditSearch } from './AuditSearch';
import { ObjectTrail } from './ObjectTrail';

/**
 * 审计日志 (supervisors and admins): searching the trail at /audit; the timeline of an item with its
 * hash-chain check at /audit/items/<id>, and of a user at /audit/actors/<username>.
 */
export default function AuditScreen({ params }: { params: RouteParams }) {
  const scope = params.scope === 'items' || params.scope === 'actors' ? params.scope : undefined;
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
