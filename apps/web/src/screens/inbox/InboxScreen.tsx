import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'tdesign-react';
import { loadSession } from '../../api';
import { queryKeys } from '../../query';
import { ErrorBanner } from '../../ui';
import { BulkClaimBar } from './BulkClaimBar';
import { claimInBatches, type BulkClaimReport } from './bulk-claim';
import { useInbox, useInboxCounts, type InboxFilters } from './inbox-api';
import { InboxStats } from './InboxStats';
import { InboxTable } from './InboxTable';

/** 待办审核: the counts, my open tasks (sortable, filtered, paged) and 批量认领 of the ones chosen. */
export function InboxScreen() {
  const queries = useQueryClient();
  const [filters, setFilters] = useState<InboxFilters>({});
  const inbox = useInbox(filters);
  const counts = useInboxCounts();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [claiming, setClaiming] = useState(false);
  const [claimError, setClaimError] = useState<unknown>(null);
  const [report, setReport] = useState<BulkClaimReport | null>(null);
  const me = loadSession()?.actor.username;

  const tasks = inbox.data?.pages.flatMap((page) => page.items) ?? [];
  const chosen = tasks.filter((task) => selected.has(task.id));

  const claimSelected = async () => {
    if (!chosen.length) return;
    setClaiming(true);
    setClaimError(null);
    setReport(null);
    try {
      const outcome = await claimInBatches(chosen);
      setReport(outcome);
      setSelected(new Set(outcome.refusedIds));
      await queries.invalidateQueries({ queryKey: queryKeys.inbox() });
    } catch (caught) {
      setClaimError(caught);
    } finally {
      setClaiming(false);
    }
  };

  return (
    <section className="page" aria-labelledby="inbox-title">
      <h1 id="inbox-title">待办审核</h1>
      <InboxStats counts={counts.data} />
      <ErrorBanner error={inbox.error ?? claimError} />
      <BulkClaimBar selectedCount={chosen.length} claiming={claiming} report={report} onClaim={() => void claimSelected()} onClear={() => setSelected(new Set())} />
      <InboxTable
        tasks={tasks}
        loading={inbox.isLoading}
        me={me}
        filters={filters}
        onFiltersChange={(next) => {
          setFilters(next);
          setSelected(new Set());
        }}
        selected={selected}
        onSelectedChange={setSelected}
      />
      {inbox.hasNextPage ? (
        <Button theme="default" variant="outline" loading={inbox.isFetchingNextPage} onClick={() => void inbox.fetchNextPage()}>
          加载更多
        </Button>
      ) : null}
    </section>
  );
}
