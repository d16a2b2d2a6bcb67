import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Button, Card, DatePicker, Form, Input, Select, Textarea, type SubmitContext } from 'tdesign-react';
import { fieldStatus, formLevelError } from '../action-failure';
import { todayInChina } from '../../format';
import type { components } from '../../openapi/schema';
import { ErrorBanner } from '../../ui';
import { Labelled } from '../labelled-control';
import { consultationKeys, openConsultation } from './consultation-api';
import { KINDS } from './consultation-types';

type OpenRequest = components['schemas']['OpenConsultationDto'];
const required = (message: string) => ({ rules: [{ required: true, whitespace: true, message }] });

/** A drafter publishes a draft for comment; the API holds the period to the legal minimum unless a reason is given. */
export function OpenConsultationForm() {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const open = useMutation({
    mutationFn: (values: Record<string, unknown>) => {
      const reason = String(values.shortenedReason ?? '').trim();
      return openConsultation({ ...(values as unknown as OpenRequest), shortenedReason: reason || undefined });
    },
    onSuccess: (opened) => {
      void queries.invalidateQueries({ queryKey: consultationKeys.all });
      void navigate(`/consultations/${opened.id}`);
    },
  });
  const problem = (field: string) => fieldStatus(open.error, field);
  const item = (name: string, label: string, control: React.ReactElement<Record<string, unknown>>, extra: Record<string, unknown> = {}) => (
    <Form.FormItem label={label} name={name} for={`consultation-${name}`} {...extra} {...problem(name)}>
      <Labelled id={`consultation-${name}`}>{control}</Labelled>
    </Form.FormItem>
  );
  const onSubmit = ({ validateResult }: SubmitContext) => {
    if (validateResult === true) open.mutate(form.getFieldsValue(true) as Record<string, unknown>);
  };
  return (
    <section aria-labelledby="open-consultation-title">
      <Card bordered title={<h2 id="open-consultation-title" style={{ margin: 0 }}>发布征求意见稿</h2>} style={{ marginTop: 16 }}>
        <Form form={form} onSubmit={onSubmit} labelAlign="top" initialData={{ kind: 'normative-document' }} style={{ maxWidth: 800 }}>
          <ErrorBanner error={formLevelError(open.error)} />
          {item('kind', '类型', <Select options={[...KINDS]} />, required('请选择类型'))}
          {item('title', '标题', <Input />, required('请填写标题'))}
          {item('draftText', '征求意见稿', <Textarea autosize={{ minRows: 8 }} />, required('请填写征求意见稿'))}
          {item('explanation', '起草说明', <Textarea autosize={{ minRows: 4 }} />, required('请填写起草说明'))}
          {item('closesOn', '截止日期', <DatePicker valueType="YYYY-MM-DD" />, { ...required('请选择截止日期'), help: `自发布次日起算；今天是 ${todayInChina()}。` })}
          {item('shortenedReason', '缩短期限的理由（选填）', <Input />, { help: '短于最短期限时必填，将随草案公布。' })}
          <Form.FormItem>
            <Button type="submit" theme="primary" loading={open.isPending}>
              发布
            </Button>
          </Form.FormItem>
        </Form>
        </Card>
    </section>
  );
}
