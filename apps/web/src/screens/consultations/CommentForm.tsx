import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Textarea, type SubmitContext } from 'tdesign-react';
import { fieldStatus, formLevelError } from '../action-failure';
import { ErrorBanner } from '../../ui';
import { Labelled } from '../labelled-control';
// The labelled controls' full width, which the portal does not otherwise load.
import '../staff-screens.css';
import { submitComment } from './consultation-api';

const optional = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** A citizen's opinion on an open consultation; shown once the department has approved it, the contact never. */
export function CommentForm({ consultationId }: { consultationId: string }) {
  const [form] = Form.useForm();
  const send = useMutation({
    mutationFn: (values: Record<string, unknown>) =>
      submitComment(consultationId, { content: String(values.content ?? '').trim(), clause: optional(values.clause), name: optional(values.name), contact: optional(values.contact) }),
  });
  const problem = (field: string) => fieldStatus(send.error, field);
  const onSubmit = ({ validateResult }: SubmitContext) => {
    if (validateResult === true) send.mutate(form.getFieldsValue(true) as Record<string, unknown>);
  };
  const item = (name: string, label: string, help: string, control: React.ReactElement<Record<string, unknown>>, rules = {}) => (
    <Form.FormItem label={label} name={name} for={`comment-${name}`} help={help} {...rules} {...problem(name)}>
      <Labelled id={`comment-${name}`}>{control}</Labelled>
    </Form.FormItem>
  );
  return (
    <section aria-labelledby="comment-title">
      <Card bordered title={<h2 id="comment-title" style={{ margin: 0 }}>我要提意见</h2>}>
        {send.isSuccess ? (
          <div role="status">
            <Alert theme="success" message="意见已收到，经审核后公开显示。征集结束后，承办部门将公布意见采纳情况。" />
          </div>
        ) : (
          <Form form={form} onSubmit={onSubmit} labelAlign="top" style={{ maxWidth: 720 }}>
            <ErrorBanner error={formLevelError(send.error)} />
            {item('clause', '针对条款（选填）', '如：第五条', <Input maxlength={200} style={{ width: '100%' }} />)}
            {item('content', '意见建议', '请勿填写个人隐私信息。5至5000字。', <Textarea autosize={{ minRows: 6 }} maxlength={5000} />, {
              rules: [
                { required: true, whitespace: true, message: '请填写意见建议' },
                { validator: (value: unknown) => String(value ?? '').trim().length >= 5, message: '请至少填写5个字' },
              ],
            })}
            {item('name', '姓名（选填）', '填写后将与意见一同公开。', <Input maxlength={50} autocomplete="name" style={{ width: '100%' }} />)}
            {item('contact', '联系方式（选填）', '仅供工作人员联系您，不会公开。', <Input maxlength={100} autocomplete="tel" style={{ width: '100%' }} />)}
            <Form.FormItem>
              <Button type="submit" theme="primary" loading={send.isPending}>
                提交意见
              </Button>
            </Form.FormItem>
          </Form>
        )}
        </Card>
    </section>
  );
}
