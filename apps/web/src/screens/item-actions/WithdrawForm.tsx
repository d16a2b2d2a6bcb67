import { useState } from 'react';
import { Button, Form } from 'tdesign-react';
import { ActionFailure, fieldProblem } from '../action-failure';
import { LabelledTextarea } from '../labelled-textarea';
import { useItemActions, type ActionItem } from './item-actions-api';

/** 撤回: a released item leaves the portal; the public reason stays in its place there. */
export function WithdrawForm({ item, onDone }: { item: ActionItem; onDone: (message: string) => void }) {
  const { withdraw } = useItemActions(item.id);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const problem = missing ?? fieldProblem(withdraw.error, 'reason', '请填写撤回说明（不超过2000字）');
  const ask = () => {
    if (!reason.trim()) return setMissing('请填写撤回说明，公众将看到这段说明');
    setMissing(undefined);
    setConfirming(true);
  };
  return (
    <section className="card concern-step" aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">撤回</h2>
      <p className="muted">撤回后，政务公开专栏将不再显示正文，只显示撤回说明；已推送的渠道同时撤下。撤回不可恢复，需要修改内容请用“发布新版本”。</p>
      <ActionFailure error={withdraw.error} />
      <Form labelAlign="top" colon={false} onSubmit={ask}>
        <LabelledTextarea id="withdraw-reason" label="撤回说明（公开）" value={reason} onChange={(value) => { setReason(value); setMissing(undefined); }} problem={problem} rows={3} maxLength={2000} required />
        <Button type="submit" theme="danger" variant="outline" loading={withdraw.isPending} disabled={confirming}>
          撤回该事项
        </Button>
      </Form>
      {confirming ? (
        <div className="withdraw-confirm" role="group" aria-labelledby="withdraw-confirm-title">
          <p id="withdraw-confirm-title">
            <strong>确定撤回“{item.title}”吗？</strong>公众将看到以上撤回说明，撤回后不可恢复。
          </p>
          <div className="step-actions">
            <Button theme="danger" onClick={() => { setConfirming(false); withdraw.mutate(reason.trim(), { onSuccess: () => onDone('已撤回。政务公开专栏上该事项已替换为撤回说明，各渠道正在撤下。') }); }}>
              确认撤回
            </Button>
            <Button theme="default" variant="outline" onClick={() => setConfirming(false)}>
              取消
            </Button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
