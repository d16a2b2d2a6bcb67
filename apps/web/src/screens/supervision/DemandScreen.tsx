import '../staff-screens.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { Alert, Button, Card, Descriptions, Form, Space, Tag, Textarea, type SubmitContext } from 'tdesign-react';
import { ApiFailure, idempotencyKey } from '../../api';
import { DEMAND_STATE_LABELS, formatDateTime } from '../../format';
import { apiClient, bodyOf } from '../../openapi/client';
import { queryKeys } from '../../query';
import type { RouteParams } from '../../routes';
import { ErrorBanner, Loading } from '../../ui';
import { Labelled } from '../labelled-control';

const { FormItem } = Form;

/** A supervisor's demand (督办) as the department head sees it from the inbox, with the answer form. */
export default function DemandScreen({ params }: { params: RouteParams }) {
  const id = params.id!;
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [form] = Form.useForm();
  const loaded = useQuery({ queryKey: queryKeys.demand(id), queryFn: () => bodyOf(apiClient.GET('/api/supervision/demands/{id}', { params: { path: { id } } })) });
  const answer = useMutation({
    mutationFn: (response: string) =>
      bodyOf(apiClient.POST('/api/supervision/demands/{id}/respond', { params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey()['Idempotency-Key'] } }, body: { response } })),
    // The answer is the demand as it now stands: shown at once, and every other view of it reloads.
    onSuccess: (answered) => {
      queries.setQueryData(queryKeys.demand(id), answered);
      void queries.invalidateQueries({ queryKey: queryKeys.supervision() });
      void queries.invalidateQueries({ queryKey: queryKeys.inbox() });
    },
  });
  const problem = answer.error instanceof ApiFailure ? answer.error.fieldMessage('response') : undefined;
  const onSubmit = ({ validateResult }: SubmitContext) => {
    if (validateResult !== true) return;
    answer.mutate(String(form.getFieldValue('response')).trim());
  };

  const demand = loaded.data;
  if (!demand) return loaded.error ? <ErrorBanner error={loaded.error} /> : <Loading />;
  const overdue = demand.state === 'overdue' || (demand.state === 'open' && Date.parse(demand.dueAt) < Date.now());
  return (
    <section className="page narrow" aria-labelledby="demand-title">
      <p className="breadcrumb">
        <Link to="/inbox">待办审核</Link> › 督办
      </p>
      <h1 id="demand-title">督办：{demand.itemTitle}</h1>
      <Card bordered>
        <Descriptions
          column={1}
          labelStyle={{ width: 110 }}
          items={[
            { label: '督办事由', content: demand.reason },
            { label: '督办人', content: `${demand.demandedByName} · ${formatDateTime(demand.createdAt)}` },
            { label: '责任部门', content: demand.departmentName },
            {
              label: '答复期限',
              content: (
                <Space size={8}>
                  <span>{formatDateTime(demand.dueAt)}（{demand.dueWorkingDays}个工作日）</span>
                  {overdue && demand.state !== 'answered' ? <Tag theme="danger" variant="light-outline">已逾期</Tag> : null}
                </Space>
              ),
            },
            { label: '状态', content: DEMAND_STATE_LABELS[demand.state] },
            { label: '公开事项', content: <Link to={`/items/${demand.itemId}`}>查看事项详情</Link> },
          ]}
        />
      </Card>
      {demand.state === 'answered' ? (
        <div role="status" style={{ marginTop: 16 }}>
          <Alert
            theme="success"
            title={`已答复（${demand.responder} · ${formatDateTime(demand.respondedAt)}${demand.late ? '，逾期答复' : ''}）`}
            message={<>{demand.response} <Link to="/inbox">返回待办</Link></>}
          />
        </div>
      ) : (
        <Card bordered style={{ marginTop: 16 }}>
          <section aria-labelledby="demand-answer-title">
          <h2 id="demand-answer-title">答复督办</h2>
          <ErrorBanner error={answer.error instanceof ApiFailure && answer.error.fields.length ? null : answer.error} />
          <Form form={form} labelAlign="top" colon={false} onSubmit={onSubmit}>
            <FormItem
              label="办理情况"
              name="response"
              for="demand-response"
              help="写明已采取的措施，或办结的时间安排。"
              rules={[{ required: true, message: '请填写办理情况或办理计划' }, { whitespace: true, message: '请填写办理情况或办理计划' }, { max: 5000, message: '不超过5000字' }]}
              {...(problem ? { status: 'error' as const, tips: problem } : {})}
            >
              <Labelled id="demand-response">
                <Textarea autosize={{ minRows: 5, maxRows: 14 }} />
              </Labelled>
            </FormItem>
            <FormItem>
              <Space>
                <Button type="submit" theme="primary" loading={answer.isPending}>
                  提交答复
                </Button>
                <Button variant="outline" onClick={() => navigate('/inbox')}>
                  返回
                </Button>
              </Space>
            </FormItem>
          </Form>
          </section>
        </Card>
      )}
    </section>
  );
}
