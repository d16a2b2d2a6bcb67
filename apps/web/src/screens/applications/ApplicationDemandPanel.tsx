import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'tdesign-react';
import type { Actor } from '../../api';
import { queryKeys } from '../../query';
import { ErrorBanner, Loading } from '../../ui';
import { ApplicationDemandForm } from '../supervision/ApplicationDemandForm';
import { isSupervisor, loadApplicationDemands } from './application-demands';
import { DemandCard } from './DemandCard';

/**
 * The 督办 on one application, on its page: each demand with its answer and closing; the answer form
 * (说明情况, 整改措施) for the department it was issued to, the closing form for supervisors, and a new
 * demand for supervisors while none is open.
 */
export function ApplicationDemandPanel({ applicationId, queryNumber, actor, onChanged }: { applicationId: string; queryNumber: string; actor: Actor; onChanged: () => void }) {
  const queries = useQueryClient();
  const [issuing, setIssuing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const loaded = useQuery({ queryKey: queryKeys.applicationDemands(applicationId), queryFn: () => loadApplicationDemands(applicationId) });
  const changed = (message: string) => {
    setNotice(message);
    setIssuing(false);
    void queries.invalidateQueries({ queryKey: queryKeys.applicationDemands(applicationId) });
    onChanged();
  };

  if (!loaded.data) return loaded.error ? <ErrorBanner error={loaded.error} /> : <Loading />;
  const demands = loaded.data.items;
  const supervisor = isSupervisor(actor);
  if (demands.length === 0 && !supervisor) return null;
  const open = demands.some((demand) => demand.state !== 'closed');
  return (
    <section aria-labelledby="application-demands-title">
      <h2 id="application-demands-title">督办</h2>
      {notice ? (
        // The house success banner, which the supervision journey waits for by its class.
        <p className="banner banner-success" role="status">
          {notice}
        </p>
      ) : null}
      {demands.map((demand) => (
        <DemandCard key={demand.id} demand={demand} actor={actor} onChanged={changed} />
      ))}
      {supervisor && !open ? (
        issuing ? (
          <ApplicationDemandForm applicationId={applicationId} queryNumber={queryNumber} onDone={changed} onCancel={() => setIssuing(false)} />
        ) : (
          <Button type="button" theme="primary" variant="outline" onClick={() => setIssuing(true)}>
            督办
          </Button>
        )
      ) : null}
    </section>
  );
}
