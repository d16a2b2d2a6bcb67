import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Dialog, Form, Select, Tag } from 'tdesign-react';
import { ApiFailure, idempotencyKey } from '../../api';
import { formatDate, STATE_LABELS } from '../../format';
import { apiClient, bodyOf } from '../../openapi/client';
import { ErrorBanner } from '../../ui';
import { Labelled } from '../labelled-control';
import { useFulfilmentCandidates } from './obligation-queries';
import { obligationKeys, type ObligationTask } from './obligation-types';

const { FormItem } = Form;

/**
 * 履行: the drafter names the disclosure item that meets this period's obligation, from the items of the
 * department the rules allow (the same catalog row, created in the period, not withdrawn or refused).
 * One Idempotency-Key per dialog, so a retried submission records the fulfilment once.
 */
export function FulfilTask({ task, onDone }: { task: ObligationTask; onDone: (message: string) => void }) {
  const queries = useQueryClient();
  const [open, setOpen] = useState(false);
  const [itemId, setItemId] = useState<string | undefined>();
  const [missing, setMissing] = useState(false);
  const [key, setKey] = useState(() => idempotencyKey()['Idempotency-Key']);
  const candidates = useFulfilmentCandidates(task.id, open);
  const name = `${task.catalogItemName ?? task.catalogItemCode}（${task.periodLabel}）`;
  const fulfil = useMutation({
    mutationFn: (chosen: string) => bodyOf(apiClient.POST('/api/obligations/tasks/{id}/fulfil', { params: { path: { id: task.id }, header: { 'Idempotency-Key': key } }, body: { itemId: chosen } })),
    onSuccess: (answer) => {
      setOpen(false);
      onDone(`已完成${name}：${answer.fulfilment?.late ? '逾期履行' : '按期履行'}。`);
      void queries.invalidateQueries({ queryKey: obligationKeys.all });
    },
  });
  const close = () => {
    setOpen(false);
    setItemId(undefined);
    setMissing(false);
    fulfil.reset();
    setKey(idempotencyKey()['Idempotency-Key']);
  };
  const submit = () => {
    if (!itemId) return setMissing(true);
    fulfil.mutate(itemId);
  };
  const fieldError = fulfil.error instanceof ApiFailure ? fulfil.error.fieldMessage('itemId') : undefined;
  const problem = missing ? '请选择用于履行本期任务的公开事项' : fieldError;
  const items = candidates.data ?? [];
  return (
    <>
      <Button
        size="small"
        theme="primary"
        variant="outline"
        onClick={() => {
          // What was drafted since the dialog was last open counts: ask again.
          void queries.invalidateQueries({ queryKey: obligationKeys.candidates(task.id) });
          setOpen(true);
        }}
        aria-label={`履行：${name}`}
      >
        履行
      </Button>
      <Dialog
        visible={open}
        header={`履行本期任务：${name}`}
        width={600}
        confirmBtn={{ content: '确认履行', theme: 'primary', loading: fulfil.isPending, disabled: !items.length }}
        cancelBtn="取消"
        onConfirm={submit}
        onClose={close}
        destroyOnClose
      >
        <p className="muted">选择本部门在{task.periodStart}之后创建的“{task.catalogItemName ?? task.catalogItemCode}”公开事项，截止{formatDate(task.dueAt)}。已发布的排在前面。</p>
        <ErrorBanner error={fieldError ? null : (fulfil.error ?? candidates.error)} />
        {!candidates.isLoading && !items.length ? (
          <p data-testid="no-candidates">
            本期尚无可用的公开事项，请先<Link to="/draft">起草本期公开事项</Link>，再回来履行。
          </p>
        ) : (
          <Form labelAlign="top" colon={false} onSubmit={submit}>
            <FormItem label="公开事项" for="fulfil-item" requiredMark {...(problem ? { status: 'error' as const, tips: problem } : {})}>
              <Labelled id="fulfil-item">
                <Select
                  value={itemId}
                  onChange={(value) => {
                    setItemId(String(value));
                    setMissing(false);
                  }}
                  loading={candidates.isLoading}
                  placeholder="请选择"
                  options={items.map((item) => ({ value: item.id, label: `${item.title}（${STATE_LABELS[item.state] ?? item.state}，${formatDate(item.createdAt)}创建）` }))}
                />
              </Labelled>
            </FormItem>
            {itemId && items.find((item) => item.id === itemId)?.state !== 'RELEASED' ? (
              <Tag theme="warning" variant="light">
                该事项尚未发布：可先登记履行，发布后公众才能看到。
              </Tag>
            ) : null}
          </Form>
        )}
      </Dialog>
    </>
  );
}
