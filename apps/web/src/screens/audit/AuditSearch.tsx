import { useState } from 'react';
import { Button, DateRangePicker, Form, Input, Select, type SubmitContext } from 'tdesign-react';
import { Labelled } from '../labelled-control';
import { useAuditSearch } from './audit-queries';
import { AUDIT_SUBJECTS, SUBJECT_OPTIONS } from './audit-subjects';
import { ACTION_AREAS } from './audit-words';
import type { AuditFilters, AuditSubjectScope } from './audit-types';
import { AuditResults } from './AuditResults';

const { FormItem } = Form;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The kinds whose keys are the API's UUIDs; the others are a number, a unit's code or a user's name. */
const UUID_KEYED: AuditSubjectScope[] = ['applications', 'application-demands', 'consultations', 'concerns', 'catalog-versions', 'compilation-rounds'];

interface SearchValues {
  actor?: string;
  action?: string;
  period?: string[];
  itemId?: string;
  scope?: AuditSubjectScope;
  key?: string;
}

function filtersOf(values: SearchValues): AuditFilters {
  return {
    ...(values.actor?.trim() ? { actor: values.actor.trim() } : {}),
    ...(values.action ? { action: values.action } : {}),
    ...(values.period?.[0] ? { from: values.period[0] } : {}),
    ...(values.period?.[1] ? { to: values.period[1] } : {}),
    ...(values.itemId?.trim() ? { itemId: values.itemId.trim().toLowerCase() } : {}),
    ...(values.scope && values.key?.trim() ? { scope: values.scope, key: values.key.trim() } : {}),
  };
}

/** Searching the trail by who, what, when, which item and which other object, newest first, fifty at a time. */
export function AuditSearch() {
  const [form] = Form.useForm();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [scope, setScope] = useState<AuditSubjectScope | undefined>();
  const search = useAuditSearch(filters);
  const onSubmit = ({ validateResult }: SubmitContext) => {
    if (validateResult === true) setFilters(filtersOf(form.getFieldsValue(true) as SearchValues));
  };
  const keyRule = (value?: string) => {
    const key = value?.trim();
    if (!scope) return !key || { result: false, message: '请先选择对象类型' };
    if (!key) return { result: false, message: `请填写${AUDIT_SUBJECTS[scope].noun}的${AUDIT_SUBJECTS[scope].keyHint}` };
    return !UUID_KEYED.includes(scope) || UUID.test(key) || { result: false, message: `${AUDIT_SUBJECTS[scope].noun}编号格式不正确` };
  };
  return (
    <>
      <section className="card" aria-labelledby="audit-search-title">
        <h2 id="audit-search-title">查询审计日志</h2>
        <Form form={form} layout="inline" onSubmit={onSubmit} onReset={() => (setFilters({}), setScope(undefined))} colon={false} className="audit-search" labelWidth={70}>
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
          <FormItem label="对象类型" name="scope" for="audit-scope">
            <Labelled id="audit-scope">
              <Select clearable placeholder="全部" options={SUBJECT_OPTIONS} style={{ width: 180 }} onChange={(value) => setScope((value as AuditSubjectScope | undefined) || undefined)} />
            </Labelled>
          </FormItem>
          <FormItem label="对象编号" name="key" for="audit-key" rules={[{ validator: keyRule }]}>
            <Labelled id="audit-key">
              <Input placeholder={scope ? AUDIT_SUBJECTS[scope].keyHint : '先选择对象类型'} style={{ width: 300 }} />
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
      <AuditResults search={search} />
    </>
  );
}
