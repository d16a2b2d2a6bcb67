import { Button, DatePicker, Form, Space, Textarea, type SubmitContext } from 'tdesign-react';
import { ApiFailure } from '../../api';
import { todayInChina } from '../../format';
import { ErrorBanner } from '../../ui';
import { Labelled } from '../labelled-control';
import { useApplicationDemand } from './supervision-api';

const { FormItem } = Form;

/**
 * 督办 on an application (依申请公开): the reason and the response date; the department holding
 * the application answers on its page with 说明情况 and 整改措施. The submit carries a fresh Idempotency-Key.
 */
export function ApplicationDemandForm(props: { applicationId: string; queryNumber: string; onDone: (message: string) => void; onCancel?: () => void }) {
  const [form] = Form.useForm();
  const issue = useApplicationDemand(props.applicationId, props.queryNumber, props.onDone);
  const problem = (field: string) => (issue.error instanceof ApiFailure ? issue.error.fieldMessage(field) : undefined);
  const status = (field: string) => (problem(field) ? { status: 'error' as const, tips: problem(field) } : {});
  const prefix = `application-demand-${props.applicationId}`;
  const commitTyped = (typed: string) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(typed) && typed !== form.getFieldValue('dueDate')) form.setFieldsValue({ dueDate: typed });
  };
  const onSubmit = ({ validateResult }: SubmitContext) => {
    if (validateResult !== true) return;
    const values = form.getFieldsValue(true) as { reason: string; dueDate: string };
    issue.mutate({ reason: values.reason.trim(), dueDate: values.dueDate });
  };
  return (
    <>
      <ErrorBanner error={issue.error instanceof ApiFailure && issue.error.fields.length ? null : issue.error} />
      <Form form={form} labelAlign="top" colon={false} onSubmit={onSubmit}>
        <FormItem
          label="督办事由"
          name="reason"
          for={`${prefix}-reason`}
          help="写明要求承办部门说明的情况和整改的事项。"
          rules={[{ required: true, message: '请填写督办事由' }, { whitespace: true, message: '请填写督办事由' }, { max: 2000, message: '不超过2000字' }]}
          {...status('reason')}
        >
          <Labelled id={`${prefix}-reason`}>
            <Textarea autosize={{ minRows: 3, maxRows: 10 }} />
          </Labelled>
        </FormItem>
        <FormItem
          label="答复期限"
          name="dueDate"
          for={`${prefix}-due`}
          rules={[{ required: true, message: '请选择答复期限' }, { validator: (value: string) => !value || value >= todayInChina(), message: '答复期限不能早于今天' }]}
          {...status('dueDate')}
        >
          <Labelled id={`${prefix}-due`}>
            {/* A date typed in counts when the field is left, as it does on Enter or a click in the calendar. */}
            <DatePicker allowInput clearable placeholder="请选择或输入日期，如 2027-01-15" onBlur={({ value }) => commitTyped(String(value ?? ''))} />
          </Labelled>
        </FormItem>
        <FormItem>
          <Space>
            <Button type="submit" theme="primary" loading={issue.isPending}>
              发出督办
            </Button>
            {props.onCancel ? (
              <Button variant="outline" onClick={props.onCancel}>
                取消
              </Button>
            ) : null}
          </Space>
        </FormItem>
      </Form>
    </>
  );
}
