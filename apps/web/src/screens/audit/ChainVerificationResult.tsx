import { useQuery } from '@tanstack/react-query';
import { Tag } from 'tdesign-react';
import { apiClient, dataOf } from '../../openapi/client';
import { ErrorBanner, Loading } from '../../ui';
import { auditKeys, type ChainVerification } from './audit-types';

/** The item's hash chain recomputed from its stored rows: intact, or the first record that no longer matches. */
export function ChainVerificationResult({ itemId }: { itemId: string }) {
  const verified = useQuery({
    queryKey: auditKeys.verify(itemId),
    queryFn: () => dataOf<ChainVerification>(apiClient.GET('/api/items/{id}/audit/verify', { params: { path: { id: itemId } } })),
    staleTime: 0,
  });
  const result = verified.data;
  return (
    <section className="card chain-verification" aria-labelledby="verify-title" aria-live="polite">
      <h2 id="verify-title">哈希链核验</h2>
      <ErrorBanner error={verified.error} />
      {!result ? (
        verified.error ? null : <Loading />
      ) : result.valid ? (
        <p className="verify-result">
          <Tag theme="success" size="large">
            核验通过
          </Tag>{' '}
          共 {result.records} 条记录，逐条重新计算的哈希值与存储值一致，未发现改动、删除或插入。
        </p>
      ) : (
        <p className="verify-result">
          <Tag theme="danger" size="large">
            核验未通过
          </Tag>{' '}
          共 {result.records} 条记录；自第 {result.firstBrokenLink?.id} 号记录起链条断开（{result.firstBrokenLink?.field === 'previous_hash' ? '前序哈希' : '本条记录的哈希'}与重新计算的结果不符），
          该记录及其后的记录可能被改动，请联系系统管理员核查。
        </p>
      )}
      <button type="button" className="button" onClick={() => void verified.refetch()} disabled={verified.isFetching}>
        重新核验
      </button>
    </section>
  );
}
