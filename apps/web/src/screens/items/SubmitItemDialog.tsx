import { useState } from 'react';
import { Button, Dialog } from 'tdesign-react';
import { ActionFailure } from '../action-failure';
import { useSubmitItem } from './items-api';

/** 提交审核 (重新提交审核 after a return): asked once more in a dialog, since the review chain starts from it. */
export function SubmitItemDialog({ itemId, title, returned }: { itemId: string; title: string; returned: boolean }) {
  const submit = useSubmitItem(itemId);
  const [open, setOpen] = useState(false);
  const label = returned ? '重新提交审核' : '提交审核';
  return (
    <>
      <Button theme="primary" onClick={() => { submit.reset(); setOpen(true); }}>
        {label}
      </Button>
      <Dialog
        visible={open}
        header={label}
        confirmBtn={{ content: `确认${label}`, loading: submit.isPending }}
        cancelBtn="取消"
        onConfirm={() => submit.mutate(undefined, { onSuccess: () => setOpen(false) })}
        onClose={() => setOpen(false)}
      >
        <p>
          确定将“{title}”{label}吗？提交后进入审核流程，审核期间不能修改。
        </p>
        <ActionFailure error={submit.error} />
      </Dialog>
    </>
  );
}
