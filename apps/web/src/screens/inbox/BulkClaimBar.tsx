import { Button } from 'tdesign-react';
import type { BulkClaimReport } from './bulk-claim';

/** 批量操作: how many are chosen, 批量认领 and 取消选择, and the outcome of the last bulk claim. */
export function BulkClaimBar(props: { selectedCount: number; claiming: boolean; report: BulkClaimReport | null; onClaim: () => void; onClear: () => void }) {
  const { selectedCount, report } = props;
  return (
    <>
      <div className="bulk-toolbar" role="group" aria-label="批量操作">
        <span aria-live="polite">{selectedCount ? `已选择 ${selectedCount} 项` : '勾选任务后可批量认领'}</span>
        <Button theme="primary" onClick={props.onClaim} disabled={!selectedCount || props.claiming} aria-describedby="bulk-claim-hint">
          {props.claiming ? '正在认领…' : '批量认领'}
        </Button>
        {selectedCount ? (
          <Button theme="default" variant="outline" onClick={props.onClear}>
            取消选择
          </Button>
        ) : null}
        <span id="bulk-claim-hint" className="sr-only">
          认领后任务只由您办理，他人不能再认领；可在审核页释放或转交。
        </span>
      </div>
      <div aria-live="polite" aria-atomic="true">
        {report ? (
          <div className={`banner ${report.refused.length ? 'banner-warning' : 'banner-success'} bulk-report`} role="status">
            <p>
              批量认领完成：成功认领 {report.claimed} 项{report.alreadyMine ? `，${report.alreadyMine} 项此前已由您认领` : ''}
              {report.refused.length ? `，${report.refused.length} 项未能认领` : ''}。
            </p>
            {report.refused.length ? (
              <ul>
                {report.refused.map((refusal, index) => (
                  <li key={index}>
                    {refusal.title}
                    {refusal.kindLabel ? `（${refusal.kindLabel}）` : ''}：{refusal.reason}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </>
  );
}
