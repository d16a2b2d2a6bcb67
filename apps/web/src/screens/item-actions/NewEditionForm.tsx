import { useState } from 'react';
import { Button, Form } from 'tdesign-react';
import { ActionFailure, fieldProblem } from '../action-failure';
import { LabelledTextarea } from '../labelled-textarea';
import { useItemActions, type ActionItem } from './item-actions-api';

/** 变更: a new edition of a released item goes through review again; the released one stays public meanwhile. */
export function NewEditionForm({ item, onDone }: { item: ActionItem; onDone: (message: string) => void }) {
  const { newEdition } = useItemActions(item.id);
  const [title, setTitle] = useState(item.title);
  const [body, setBody] = useState(item.body);
  const [interpretation, setInterpretation] = useState(item.interpretation ?? '');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const problem = (field: string, fallback: string) => problems[field] ?? fieldProblem(newEdition.error, field, fallback);

  const submit = () => {
    const changes = {
      ...(title.trim() !== item.title ? { title: title.trim() } : {}),
      ...(body.trim() !== item.body ? { body: body.trim() } : {}),
      ...(interpretation.trim() && interpretation.trim() !== (item.interpretation ?? '') ? { interpretation: interpretation.trim() } : {}),
    };
    const found: Record<string, string> = {};
    if (!reason.trim()) found.reason = '请填写变更原因';
    if (!title.trim()) found.title = '标题不能为空';
    if (!body.trim()) found.body = '正文不能为空';
    if (Object.keys(changes).length === 0) found.body = '新版本与已发布的内容相同，请先修改标题、正文或解读';
    setProblems(found);
    if (Object.keys(found).length) return;
    newEdition.mutate({ reason: reason.trim(), ...changes }, { onSuccess: () => onDone('新版本已提交审核。审核通过并发布前，公众仍看到当前版本。') });
  };

  return (
    <section className="card concern-step" aria-labelledby="edition-title">
      <h2 id="edition-title">发布新版本</h2>
      <p className="muted">修改已发布事项的内容：新版本重新走审核流程，签发后替换当前版本，变更原因记入版本记录。</p>
      <ActionFailure error={newEdition.error} />
      <Form labelAlign="top" colon={false} onSubmit={submit}>
        <LabelledTextarea id="edition-title-text" label="标题" value={title} onChange={setTitle} problem={problem('title', '请填写标题（不超过300字）')} rows={1} maxLength={300} required />
        <LabelledTextarea id="edition-body" label="正文" value={body} onChange={setBody} problem={problem('body', '请填写正文')} rows={8} required />
        <LabelledTextarea id="edition-interpretation" label="政策解读" value={interpretation} onChange={setInterpretation} problem={problem('interpretation', '请填写解读，或保持原样')} rows={3} />
        <LabelledTextarea id="edition-reason" label="变更原因" value={reason} onChange={setReason} problem={problem('reason', '请填写变更原因（不超过2000字）')} rows={2} maxLength={2000} required />
        <Button type="submit" theme="primary" loading={newEdition.isPending}>
          提交新版本审核
        </Button>
      </Form>
    </section>
  );
}
