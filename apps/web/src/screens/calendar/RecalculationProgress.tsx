import { useQuery } from '@tanstack/react-query';
import { Progress, Table, Tag } from 'tdesign-react';
import { apiClient, bodyOf } from '../../openapi/client';
import { ErrorBanner, Loading } from '../../ui';
import { calendarKeys, HOLDER_KIND_LABELS, type DeadlineHolderKind, type RecalculationProgress as Progressed } from './calendar-types';

/**
 * The deadline recalculation a year load started: how many open workflows were found, told to recompute,
 * passed over (closed meanwhile) or not reached. Polled every two seconds until the batch is done.
 */
export function RecalculationProgress({ batchId }: { batchId: string }) {
  const batch = useQuery({
    queryKey: calendarKeys.batch(batchId),
    queryFn: () => bodyOf(apiClient.GET('/api/calendar/recalculations/{batchId}', { params: { path: { batchId: Number(batchId) } } })),
    refetchInterval: (query) => (query.state.data?.state === 'DONE' ? false : 2000),
  });
  const progress = batch.data;
  const handled = progress ? progress.signalled + (progress.skipped ?? 0) + progress.failedCount : 0;
  const percent = progress ? (progress.state === 'DONE' ? 100 : progress.found ? Math.floor((handled / progress.found) * 100) : 0) : 0;
  const kinds = Object.entries(progress?.byKind ?? {}) as [DeadlineHolderKind, NonNullable<Progressed['byKind']>[DeadlineHolderKind]][];
  return (
    <section className="card recalculation" aria-labelledby="recalculation-title" aria-live="polite">
      <h2 id="recalculation-title">期限重算进度（批次 {batchId}）</h2>
      <ErrorBanner error={batch.error} />
      {!progress ? (
        batch.error ? null : <Loading />
      ) : (
        <>
          <p className="recalculation-state">
            {progress.state === 'DONE' ? <Tag theme="success">已完成</Tag> : <Tag theme="primary">重算中</Tag>} 共找到 {progress.found} 项进行中的期限，已通知重算 {progress.signalled} 项，
            已办结跳过 {progress.skipped ?? 0} 项，未能送达 {progress.failedCount} 项。
          </p>
          <Progress percentage={percent} theme="line" status={progress.failedCount ? 'warning' : progress.state === 'DONE' ? 'success' : 'active'} aria-label="期限重算进度" />
          {kinds.length ? (
            <Table
              rowKey="kind"
              className="recalculation-kinds"
              data={kinds.map(([kind, counts]) => ({ kind, ...counts! }))}
              columns={[
                { colKey: 'kind', title: '类别', cell: ({ row }) => HOLDER_KIND_LABELS[row.kind as DeadlineHolderKind] },
                { colKey: 'found', title: '找到' },
                { colKey: 'signalled', title: '已通知' },
                { colKey: 'skipped', title: '已办结跳过' },
                { colKey: 'failedCount', title: '未能送达' },
              ]}
            />
          ) : null}
          {progress.failedCount ? <p className="muted">有 {progress.failedCount} 项未能送达，可稍后勾选“更正已载入的安排”重新载入该年安排以重试。</p> : null}
        </>
      )}
    </section>
  );
}
