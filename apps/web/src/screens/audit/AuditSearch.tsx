import { useState } from 'react';
import { Link } from 'react-router';
import { Button, DateRangePicker, Form, Input, Select, Table, type SubmitContext } from 'tdesign-react';
import { formatDateTime } from '../../format';
import { ErrorBanner } from '../../ui';
import { Labelled } from '../labelled-control';
import { useStaffDirectory } from '../staff-directory';
import { useAuditSearch } from './audit-queries';
import { ACTION_AREAS, actionLabel, roleLabel } from './audit-words';
import type { AuditEvent, AuditFilters } from './audit-types';

const { FormItem } = Form;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface SearchValues {
  actor?: string;
  action?: string;
  period?: string[];
  itemId?: string;
}

function filtersOf(values: SearchValues): AuditFilters {
  return {
    ...(values.actor?.trim() ? { actor: values.actor.trim() } : {}),
    ...(values.action ? { action: values.action } : {}),
    ...(values.period?.[0] ? { from: values.period[0] } : {}),
    ...(values.period?.[1] ? { to: values.period[1] } : {}),
    ...(values.itemId?.trim() ? { itemId: values.itemId.trim().toLowerCase() } : {}),
  };
}

/** Searching the trail by who, what, when and which item, newest first, fifty at a time. */
export function AuditSearch() {
  const [form] = Form.useForm();
  const [filters, setFilters] = useState<AuditFilters>({});
  const search = useAuditSearch(filters);
  const directory = useStaffDirectory();
  const rows = search.data?.pages.flatMap((page) => page.items) ?? [];
  const onSubmit = ({ validateResult }: SubmitContext) => {
    if (validateResult === true) setFilters(filtersOf(form.getFieldsValue(true) as SearchValues));
  };
  return (
    <>
      <section className="card" aria-labelledby="audit-search-title">
        <h2 id="audit-search-title">查询审计日志</h2>
        <Form form={form} layout="inline" onSubmit={onSubmit} onReset={() => setFilters({})} colon={false} className="audit-search" labelWidth={70}>
          <FormItem label="操作人" name="actor" for="audit-actor">
            <Labelled id="audit-actor">
              <Input placeholder="登录用户名" />
            </Labelled>
          </FormItem>
          <FormItem label="操作类型" name="action" for="audit-action">
            <Labelled id="audit-action">
              <Select clearable placeholder="全部" options={ACTION_AREAS} style={{ width: 180 }} />
            </Labelled>
          </FormItem>
          <FormItem label="日期" name="period">
            <div role="group" aria-label="操作日期范围">
              <DateRangePicker allowInput valueType="YYYY-MM-DD" placeholder={['开始日期', '结束日期']} onChange={(value) => form.setFieldsValue({ period: value })} />
            </div>
          </FormItem>
          <FormItem label="事项编号" name="itemId" for="audit-item" rules={[{ validator: (value?: string) => !value?.trim() || UUID.test(value.trim()) || { result: false, message: '事项编号格式不正确' } }]}>
            <Labelled id="audit-item">
              <Input placeholder="事项详情页地址中的编号" style={{ width: 300 }} />
            </Labelled>
          </FormItem>
          <FormItem>
            <Button type="submit" theme="primary">
              查询
            </Button>
            <Button type="reset" variant="outline">
              重置
            </Button>
          </FormItem>
        </Form>
      </section>
      <section className="card" aria-labelledby="audit-results-title">
        <h2 id="audit-results-title">查询结果</h2>
        <ErrorBanner error={search.error} />
        <Table
          rowKey="id"
          className="audit-results"
          data={rows}
          loading={search.isLoading}
          empty="没有符合条件的记录"
          pagination={{ defaultPageSize: 20, total: rows.length }}
          rowAttributes={({ row }) => ({ 'data-audit-id': row.id })}
          columns={[
            { colKey: 'occurredAt', title: '时间', width: 170, cell: ({ row }) => formatDateTime(row.occurredAt) },
            { colKey: 'actor', title: '操作人', cell: ({ row }) => <Link to={`/audit/actors/${encodeURIComponent(row.actor)}`}>{directory.person(row.actor)}</Link> },
            { colKey: 'actorRole', title: '角色', cell: ({ row }) => roleLabel(row.actorRole) },
            { colKey: 'department', title: '部门', cell: ({ row }) => directory.unit(row.departmentCode) },
            { colKey: 'action', title: '操作', cell: ({ row }) => actionLabel(row.action) },
            { colKey: 'reason', title: '说明', cell: ({ row }) => row.reason ?? '' },
            {
              colKey: 'object',
              title: '对象',
              cell: ({ row }: { row: AuditEvent }) => (row.itemId ? <Link to={`/audit/items/${row.itemId}`}>事项时间线与核验</Link> : '—'),
            },
          ]}
        />
        {search.hasNextPage ? (
          <Button variant="outline" loading={search.isFetchingNextPage} onClick={() => void search.fetchNextPage()}>
            加载更早的记录
          </Button>
        ) : null}
      </section>
    </>
  );
}
