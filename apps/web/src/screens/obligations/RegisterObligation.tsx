import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Form, Input, Select, type SubmitContext } from 'tdesign-react';
import { ApiFailure, idempotencyKey } from '../../api';
import { apiClient, bodyOf } from '../../openapi/client';
import { ErrorBanner } from '../../ui';
import { Labelled } from '../labelled-control';
import { useStaffDirectory } from '../staff-directory';
import { useCatalogRows } from './obligation-queries';
import { obligationKeys, PERIODIC_KINDS } from './obligation-types';

const { FormItem } = Form;

interface RegisterValues {
  catalogItemCode?: string;
  departmentCode?: string;
}

/** Registers a periodic catalog row as a department's standing obligation (its Schedule opens each period). */
export function RegisterObligation({ canListDepartments }: { canListDepartments: boolean }) {
  const [form] = Form.useForm();
  const queries = useQueryClient();
  const catalog = useCatalogRows();
  // Only admins and supervisors may list the units; the disclosure office gives the unit's code.
  const directory = useStaffDirectory(canListDepartments);
  const periodicRows = (catalog.data?.items ?? []).filter((row) => PERIODIC_KINDS.includes(row.timeLimit.rule.kind));
  const [registered, setRegistered] = useState<string | null>(null);
  const register = useMutation({
    mutationFn: (values: Required<RegisterValues>) =>
      bodyOf(apiClient.POST('/api/obligations', { params: { header: { 'Idempotency-Key': idempotencyKey()['Idempotency-Key'] } }, body: values })),
    onSuccess: (registered) => {
      form.reset();
      setRegistered(`已登记：${registered.catalogItemName ?? registered.catalogItemCode}（${registered.departmentName ?? registered.departmentCode}）`);
      void queries.invalidateQueries({ queryKey: obligationKeys.all });
    },
  });
  const fieldError = (field: string) => (register.error instanceof ApiFailure ? register.error.fieldMessage(field) : undefined);
  const onSubmit = ({ validateResult }: SubmitContext) => {
    if (validateResult !== true) return;
    setRegistered(null);
    register.mutate(form.getFieldsValue(true) as Required<RegisterValues>);
  };

  return (
    <section className="card" aria-labelledby="register-obligation-title">
      <h2 id="register-obligation-title">登记定期公开事项</h2>
      <p className="muted">选择按期更新的目录事项和责任部门，系统每期首日自动开启本期起草任务，期末为截止日。</p>
      {registered ? (
        <div className="banner banner-success" role="status">
          {registered}
        </div>
      ) : null}
      <ErrorBanner error={register.error instanceof ApiFailure && register.error.fields.length ? null : register.error} />
      <Form form={form} onSubmit={onSubmit} labelWidth={120} className="register-obligation" colon={false}>
        <FormItem
          label="目录事项"
          name="catalogItemCode"
          for="obligation-catalog-item"
          rules={[{ required: true, message: '请选择按期更新的目录事项' }]}
          {...(fieldError('catalogItemCode') ? { status: 'error', tips: fieldError('catalogItemCode') } : {})}
        >
          <Labelled id="obligation-catalog-item">
            <Select
              placeholder="请选择"
              loading={catalog.isLoading}
              filterable
              options={periodicRows.map((row) => ({ value: row.code, label: `${row.name}（${row.code}，${row.timeLimit.text}）` }))}
            />
          </Labelled>
        </FormItem>
        <FormItem
          label="责任部门"
          name="departmentCode"
          for="obligation-department"
          rules={[{ required: true, message: '请选择责任部门' }]}
          {...(fieldError('departmentCode') ? { status: 'error', tips: fieldError('departmentCode') } : {})}
        >
          <Labelled id="obligation-department">
            {canListDepartments ? (
              <Select
                placeholder="请选择"
                loading={directory.departmentsLoading}
                options={directory.departments.filter((unit) => unit.active).map((unit) => ({ value: unit.code, label: unit.name }))}
              />
            ) : (
              <Input placeholder="部门代码，如 edu" />
            )}
          </Labelled>
        </FormItem>
        <FormItem>
          <Button type="submit" theme="primary" loading={register.isPending}>
            登记
          </Button>
        </FormItem>
      </Form>
    </section>
  );
}
