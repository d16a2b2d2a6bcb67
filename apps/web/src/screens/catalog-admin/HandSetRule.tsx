import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Dialog, Form, InputNumber, Select, type SubmitContext } from 'tdesign-react';
import { apiClient, bodyOf } from '../../openapi/client';
import { ErrorBanner } from '../../ui';
import { Labelled } from '../labelled-control';
import { catalogKeys, type CatalogRowDetail } from './catalog-types';
import { ANCHOR_OPTIONS, EVERY_MONTHS_OPTIONS, RULE_KIND_OPTIONS, ruleOf, type RuleValues } from './rule-form';

const { FormItem } = Form;

/** Sets a draft row's time-limit rule by hand, where the catalog's wording could not be read (or was read wrongly). */
export function HandSetRule({ versionId, row }: { versionId: string; row: CatalogRowDetail }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as RuleValues['kind'];
  const queries = useQueryClient();
  const save = useMutation({
    mutationFn: (values: RuleValues) =>
      bodyOf(
        apiClient.PATCH('/api/catalog/versions/{id}/items/{code}', {
          params: { path: { id: versionId, code: row.code } },
          body: { timeLimitRule: ruleOf(values) } as never,
        }),
      ),
    // The row shows its new rule once the version reloads.
    onSuccess: () => {
      setOpen(false);
      void queries.invalidateQueries({ queryKey: catalogKeys.version(versionId) });
    },
  });
  const onSubmit = ({ validateResult }: SubmitContext) => {
    if (validateResult === true) save.mutate(form.getFieldsValue(true) as RuleValues);
  };
  const counted = kind === 'working-days' || kind === 'calendar-days';
  const id = (field: string) => `rule-${row.code}-${field}`;
  return (
    <>
      <Button variant="text" theme="primary" onClick={() => setOpen(true)} aria-label={`设定时限：${row.name}（${row.code}）`}>
        设定时限
      </Button>
      <Dialog visible={open} header={`设定公开时限：${row.name}`} footer={false} onClose={() => setOpen(false)} width={560} destroyOnClose>
        <p className="muted">目录原文：{row.timeLimit.text}</p>
        <ErrorBanner error={save.error} />
        <Form form={form} onSubmit={onSubmit} labelWidth={110} colon={false} initialData={{ kind: 'working-days', anchor: 'formed-or-changed', count: 20 }} className="hand-set-rule">
          <FormItem label="时限类型" name="kind" for={id('kind')} rules={[{ required: true, message: '请选择时限类型' }]}>
            <Labelled id={id('kind')}>
              <Select options={RULE_KIND_OPTIONS} />
            </Labelled>
          </FormItem>
          {counted ? (
            <>
              <FormItem label="起算" name="anchor" for={id('anchor')} rules={[{ required: true, message: '请选择起算日' }]}>
                <Labelled id={id('anchor')}>
                  <Select options={ANCHOR_OPTIONS} />
                </Labelled>
              </FormItem>
              <FormItem label="天数" name="count" for={id('count')} rules={[{ required: true, message: '请填写天数' }, { min: 1, message: '天数至少为1' }, { max: 365, message: '天数不超过365' }]}>
                <Labelled id={id('count')}>
                  <InputNumber theme="normal" decimalPlaces={0} />
                </Labelled>
              </FormItem>
            </>
          ) : null}
          {kind === 'periodic' ? (
            <FormItem label="更新周期" name="everyMonths" for={id('every')} rules={[{ required: true, message: '请选择更新周期' }]}>
              <Labelled id={id('every')}>
                <Select options={EVERY_MONTHS_OPTIONS} />
              </Labelled>
            </FormItem>
          ) : null}
          {kind === 'yearly-date' ? (
            <FormItem label="月份" name="month" for={id('month')} rules={[{ required: true, message: '请填写月份' }, { min: 1, message: '月份为1至12' }, { max: 12, message: '月份为1至12' }]}>
              <Labelled id={id('month')}>
                <InputNumber theme="normal" decimalPlaces={0} />
              </Labelled>
            </FormItem>
          ) : null}
          {kind === 'yearly-date' || kind === 'monthly-date' ? (
            <FormItem label="日" name="day" for={id('day')} rules={[{ required: true, message: '请填写日期' }, { min: 1, message: '日期为1至31' }, { max: 31, message: '日期为1至31' }]}>
              <Labelled id={id('day')}>
                <InputNumber theme="normal" decimalPlaces={0} />
              </Labelled>
            </FormItem>
          ) : null}
          <FormItem>
            <Button type="submit" theme="primary" loading={save.isPending}>
              保存
            </Button>
            <Button variant="outline" onClick={() => setOpen(false)}>
              取消
            </Button>
          </FormItem>
        </Form>
      </Dialog>
    </>
  );
}
