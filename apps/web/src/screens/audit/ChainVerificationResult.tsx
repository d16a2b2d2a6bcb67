import { useQueryClient } from '@tanstack/react-query';
import { Button, Space, Tag } from 'tdesign-react';
import { queryKeys } from '../../query';
import { ErrorBanner, Loading } from '../../ui';
import { useChainVerification } from './audit-queries';
import type { AuditSubjectScope } from './audit-types';

/**
 * The object's hash chain recomputed from its stored rows: intact, or the first record that no longer
 * matches. An object without an item shares the chain of such rows with every other one, so its check
 * reads that chain from its start up to the object's newest row.
 */
export function ChainVerificationResult({ scope, objectKey }: { scope: 'items' | AuditSubjectScope; objectKey: string }) {
  const verified = useChainVerification(scope, objectKey);
  const queryClient = useQueryClient();
  // The timeline is read again with the check, so that a row the check names shows as it is stored now.
  const recheck = () => {
    void verified.refetch();
    void queryClient.invalidateQueries({ queryKey: queryKeys.auditTrail(scope, objectKey) });
  };
  const result = verified.data;
  const shared = scope !== 'items';
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
          {shared ? `本对象共 ${result.objectRecords} 条记录，所在的链自起点至其最新一条共 ${result.records} 条记录` : `共 ${result.records} 条记录`}
          ，逐条重新计算的哈希值与存储值一致，未发现改动、删除或插入。
        </p>
      ) : (
        <p className="verify-result">
          <Tag theme="danger" size="large">
            核验未通过
          </Tag>{' '}
          {shared ? `本对象共 ${result.objectRecords} 条记录，所在的链共核验 ${result.records} 条记录` : `共 ${result.records} 条记录`}；自第 {result.firstBrokenLink?.id}{' '}
          号记录起链条断开（{result.firstBrokenLink?.field === 'previous_hash' ? '前序哈希' : '本条记录的哈希'}与重新计算的结果不符），该记录及其后的记录可能被改动，请联系系统管理员核查。
        </p>
      )}
      <Space>
        <Button variant="outline" onClick={recheck} loading={verified.isFetching}>
          重新核验
        </Button>
      </Space>
    </section>
  );
}
