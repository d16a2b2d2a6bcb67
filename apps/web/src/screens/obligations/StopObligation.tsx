import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Dialog } from 'tdesign-react';
import { apiClient, bodyOf } from '../../openapi/client';
import { ErrorBanner } from '../../ui';
import { obligationKeys, type Obligation } from './obligation-types';

/** Stops a standing obligation after a confirmation: no further period opens; an open one stays until done. */
export function StopObligation({ obligation }: { obligation: Obligation }) {
  const queries = useQueryClient();
  const [open, setOpen] = useState(false);
  const stop = useMutation({
    mutationFn: () => bodyOf(apiClient.DELETE('/api/obligations/{id}', { params: { path: { id: obligation.id } } })),
    onSuccess: () => {
      setOpen(false);
      void queries.invalidateQueries({ queryKey: obligationKeys.all });
    },
  });
  const name = obligation.catalogItemName ?? obligation.catalogItemCode;
  return (
    <>
      <Button variant="text" theme="danger" onClick={() => setOpen(true)} aria-label={`停止：${name}（${obligation.departmentName ?? obligation.departmentCode}）`}>
        停止
      </Button>
      <Dialog
        visible={open}
        header="停止定期公开"
        confirmBtn={{ content: '确认停止', theme: 'danger', loading: stop.isPending }}
        cancelBtn="取消"
        onConfirm={() => stop.mutate()}
        onClose={() => setOpen(false)}
      >
        <p>
          停止后，{obligation.departmentName ?? obligation.departmentCode}的“{name}”不再按期开启起草任务；已开启的本期任务仍须完成。
        </p>
        <ErrorBanner error={stop.error} />
      </Dialog>
    </>
  );
}
