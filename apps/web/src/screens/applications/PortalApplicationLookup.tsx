import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Button, Card, Descriptions, Form, Input, Timeline, type SubmitContext } from 'tdesign-react';
import { ApiFailure } from '../../api';
import { formatDate } from '../../format';
import { ErrorBanner } from '../../ui';
import { Labelled } from '../labelled-control';
import { lookUpApplication, type ApplicationReceipt, type PublicApplicationStatus } from './portal-application-api';

/** Following an application with its 查询号 and code; after applying, both are filled in. */
export function PortalApplicationLookup({ receipt }: { receipt: ApplicationReceipt | null }) {
  const [form] = Form.useForm();
  const lookup = useMutation({ mutationFn: lookUpApplication });
  useEffect(() => {
    if (receipt) form.setFieldsValue({ ...receipt });
  }, [receipt, form]);
  const failure = lookup.error instanceof ApiFailure && lookup.error.status === 404 ? new Error('查询号或验证码不正确。') : lookup.error;
  const onSubmit = ({ validateResult }: SubmitContext) => {
    if (validateResult === true) lookup.mutate(form.getFieldsValue(true) as ApplicationReceipt);
  };
  return (
    <section aria-labelledby="lookup-title">
      <h2 id="lookup-title">查询办理进度</h2>
      <ErrorBanner error={failure} />
      <Form form={form} layout="inline" onSubmit={onSubmit}>
        <Form.FormItem label="查询号" name="queryNumber" for="lookup-query" rules={[{ required: true, whitespace: true, message: '请填写查询号' }]}>
          <Labelled id="lookup-query">
            <Input />
          </Labelled>
        </Form.FormItem>
        <Form.FormItem label="验证码" name="verificationCode" for="lookup-code" rules={[{ required: true, message: '请填写验证码' }, { pattern: /^\d{6}$/, message: '验证码为6位数字' }]}>
          <Labelled id="lookup-code">
            <Input maxlength={6} />
          </Labelled>
        </Form.FormItem>
        <Form.FormItem>
          <Button type="submit" theme="primary" loading={lookup.isPending}>
            查询
          </Button>
        </Form.FormItem>
      </Form>
      {lookup.data ? <StatusCard status={lookup.data} /> : null}
    </section>
  );
}

function StatusCard({ status }: { status: PublicApplicationStatus }) {
  return (
    <section data-testid="application-status">
      <Card bordered title={`查询号 ${status.queryNumber}：${status.stateLabel}`} headerBordered style={{ marginTop: 16 }}>
        <Descriptions
          column={1}
          tableLayout="auto"
          labelStyle={{ width: 120 }}
          items={[
            { label: '提交日期', content: status.submittedOn },
            { label: '收到申请日期', content: status.receivedOn ?? '待确认' },
            ...(status.dueDate ? [{ label: '答复期限', content: `${status.dueDate}（${status.dueExplanation ?? ''}）` }] : []),
            ...(status.result ? [{ label: '办理结果', content: `${status.result.category}：${status.result.label}（${status.closedOn ?? ''}）` }] : []),
          ]}
        />
        <Timeline mode="same" style={{ marginTop: 16 }}>
          {status.timeline.map((event, index) => (
            <Timeline.Item key={index} label={formatDate(event.at)}>
              {event.action}
              {event.notice ? `：${event.notice}` : ''}
            </Timeline.Item>
          ))}
        </Timeline>
        {status.replyLetter ? (
          <section aria-labelledby="reply-letter-title">
            <h3 id="reply-letter-title">答复告知书</h3>
            <pre className="reply-letter" data-testid="reply-letter">
              {status.replyLetter}
            </pre>
          </section>
        ) : null}
        </Card>
    </section>
  );
}
