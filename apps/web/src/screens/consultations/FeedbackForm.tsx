import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Card, Form, Input, Radio, Textarea, type SubmitContext } from 'tdesign-react';
import { ApiFailure } from '../../api';
import { ErrorBanner } from '../../ui';
import { Labelled } from '../labelled-control';
import { consultationKeys, recordFeedback } from './consultation-api';
import type { StaffConsultation } from './consultation-types';

type Adoption = 'adopted' | 'partly-adopted' | 'not-adopted';
const ADOPTIONS: { value: Adoption; label: string }[] = [
  { value: 'adopted', label: '采纳' },
  { value: 'partly-adopted', label: '部分采纳' },
  { value: 'not-adopted', label: '未采纳' },
];

/** The department's answer to each opinion shown, with a summary; it goes out as an item through review. */
export function FeedbackForm({ consultation }: { consultation: StaffConsultation }) {
  const [form] = Form.useForm();
  const queries = useQueryClient();
  const shown = consultation.comments.filter((comment) => comment.state === 'approved');
  const [answers, setAnswers] = useState<Record<string, { adoption: Adoption; reason: string }>>(() => Object.fromEntries(shown.map((comment) => [comment.id, { adoption: 'adopted', reason: '' }])));
  const record = useMutation({
    mutationFn: (values: Record<string, unknown>) =>
      recordFeedback(consultation.id, {
        catalogItemCode: String(values.catalogItemCode ?? '').trim(),
        summary: String(values.summary ?? '').trim(),
        opinions: shown.map((comment) => {
          const answer = answers[comment.id]!;
          return { commentId: comment.id, adoption: answer.adoption, ...(answer.reason.trim() ? { reason: answer.reason.trim() } : {}) };
        }),
      }),
    onSuccess: (next) => {
      queries.setQueryData(consultationKeys.staff(consultation.id), next);
      void queries.invalidateQueries({ queryKey: consultationKeys.staffList });
    },
  });
  const message = (field: string) => (record.error instanceof ApiFailure ? record.error.fieldMessage(field) : undefined);
  const problem = (field: string) => (message(field) ? { status: 'error' as const, tips: message(field) } : {});
  const onSubmit = ({ validateResult }: SubmitContext) => {
    if (validateResult === true) record.mutate(form.getFieldsValue(true) as Record<string, unknown>);
  };
  const answer = (id: string, change: Partial<{ adoption: Adoption; reason: string }>) => setAnswers({ ...answers, [id]: { ...answers[id]!, ...change } });
  return (
    <section aria-labelledby="feedback-form-title">
      <Card bordered title={<h2 id="feedback-form-title" style={{ margin: 0 }}>公布意见采纳情况</h2>}>
        <Form form={form} onSubmit={onSubmit} labelAlign="top" style={{ maxWidth: 800 }}>
          <ErrorBanner error={record.error instanceof ApiFailure && record.error.fields.length ? null : record.error} />
          <Form.FormItem label="公开事项目录编码" name="catalogItemCode" for="feedback-catalog" help="采纳情况说明作为公开事项发布，经审核后公开。" rules={[{ required: true, whitespace: true, message: '请填写目录编码' }]} {...problem('catalogItemCode')}>
            <Labelled id="feedback-catalog">
              <Input />
            </Labelled>
          </Form.FormItem>
          <Form.FormItem label="总体说明" name="summary" for="feedback-summary" rules={[{ required: true, whitespace: true, message: '请填写总体说明' }]} {...problem('summary')}>
            <Labelled id="feedback-summary">
              <Textarea autosize={{ minRows: 4 }} />
            </Labelled>
          </Form.FormItem>
          {shown.map((comment, index) => (
            <fieldset key={comment.id} className="field">
              <legend>
                {comment.clause ? `【${comment.clause}】` : ''}
                {comment.content}
              </legend>
              <Radio.Group value={answers[comment.id]!.adoption} onChange={(value) => answer(comment.id, { adoption: value as Adoption })} options={ADOPTIONS} aria-label="采纳情况" />
              <Form.FormItem label="理由" for={`feedback-reason-${comment.id}`} help="未采纳或部分采纳时必填" {...problem(`opinions.${index}.reason`)}>
                <Labelled id={`feedback-reason-${comment.id}`}>
                  <Input value={answers[comment.id]!.reason} onChange={(value) => answer(comment.id, { reason: String(value) })} />
                </Labelled>
              </Form.FormItem>
            </fieldset>
          ))}
          {message('opinions') ? <p className="field-error">{message('opinions')}</p> : null}
          <Form.FormItem>
            <Button type="submit" theme="primary" loading={record.isPending}>
              提交审核
            </Button>
          </Form.FormItem>
        </Form>
        </Card>
    </section>
  );
}
