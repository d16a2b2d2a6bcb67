import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Dialog } from 'tdesign-react';
import { apiClient, bodyOf } from '../../openapi/client';
import { ErrorBanner } from '../../ui';
import { catalogKeys, type CatalogVersionDetail } from './catalog-types';

/** Activates a draft version after a confirmation: new items follow it; items already running keep their own. */
export function ActivateVersion({ version, manualLeft }: { version: CatalogVersionDetail; manualLeft: number }) {
  const [open, setOpen] = useState(false);
  const queries = useQueryClient();
  const activate = useMutation({
    mutationFn: () => bodyOf(apiClient.POST('/api/catalog/versions/{id}/activate', { params: { path: { id: version.id } } })),
    onSuccess: () => {
      setOpen(false);
      void queries.invalidateQueries({ queryKey: catalogKeys.all });
    },
  });
  return (
    <>
      <Button theme="primary" onClick={() => setOpen(true)}>
        启用此版本
      </Button>
      <Dialog
        visible={open}
        header="启用目录版本"
        confirmBtn={{ content: '确认启用', loading: activate.isPending }}
        cancelBtn="取消"
        onConfirm={() => activate.mutate()}
        onClose={() => setOpen(false)}
      >
        <p>启用“{version.label ?? '未命名版本'}”后，现行版本即停用；此后新起草的事项按新版本办理，已在办的事项仍按原版本的时限。</p>
        {manualLeft ? <p className="banner banner-warning">尚有 {manualLeft} 项公开时限未设定，这些事项起草时须人工填写截止日期。</p> : null}
        <ErrorBanner error={activate.error} />
      </Dialog>
    </>
  );
}
