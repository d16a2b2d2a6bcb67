import { useState } from 'react';
import { Button, Dialog, Form, InputNumber, Radio, Select, Space, Textarea, type SubmitContext } from 'tdesign-react';
import { ApiFailure } from '../../api';
import { ErrorBanner } from '../../ui';
import { Labelled } from '../labelled-control';
import { dialogRole } from './dialog-role';
import { useRowDecision, type OverdueRow } from './supervision-api';

const { FormItem } = Form;

type Action = 'demand' | 'comment' | 'extend';

const ACTION_LABELS: Record<Action, string> = { demand: '督办（要求部门办理）', comment: '督查意见', extend: '延期' };
const TEXT_LABELS: Record<Action, string> = { demand: '督办事由', comment: '督查意见', extend: '延期理由' };
const SUBMIT_LABELS: Record<Action, string> = { demand: '发出督办', comment: '提交意见', extend: '确认延期' };
const MAX_DAYS: Record<Action, number> = { demand: 30, comment: 0, extend: 60 };

interface Values {
  text?: string;
  days?: number;
  target?: string;
}

/**
 * What a supervisor can do about an overdue row, in a dialog: demand action from the department (督办), leave
 * a remark (督查意见), or extend a deadline with a reason. Each submit carries a fresh Idempotency-Key.
 */
export function RowActionDialog({ row, onDone, onClose }: { row: OverdueRow; onDone: (message: string) => void; onClose: () => void }) {
  const [form] = Form.useForm();
  const [action, setAction] = useState<Action>('demand');
  const decision = useRowDecision(onDone);
  // The text is `reason` for a demand or an extension and `comment` for a remark; the days field is named per action.
  const apiField = { text: action === 'comment' ? 'comment' : 'reason', days: action === 'demand' ? 'dueWorkingDays' : 'workingDays', target: 'target' };
  const serverProblem = (field: keyof typeof apiField) => (decision.error instanceof ApiFailure ? decision.error.fieldMessage(apiField[field]) : undefined);
  const status = (field: keyof typeof apiField) => (serverProblem(field) ? { status: 'error' as const, tips: serverProblem(field) } : {});
  const taskTarget = row.taskId && row.stillOverdue && row.kind === 'sla' ? row.taskId : null;
  const prefix = `action-${row.itemId}`;

  const onSubmit = ({ validateResult }: SubmitContext) => {
    if (validateResult !== true) return;
    const values = form.getFieldsValue(true) as Values;
    const reason = (values.text ?? '').trim();
    const days = Number(values.days);
    if (action === 'comment') decision.mutate({ action, itemId: row.itemId, reason });
    else if (action === 'demand') decision.mutate({ action, itemId: row.itemId, reason, days });
    else decision.mutate({ action, itemId: row.itemId, reason, days, target: values.target ?? 'release' });
  };

  return (
    <Dialog visible header={`对“${row.title}”的督办操作`} width={560} footer={false} onClose={onClose} destroyOnClose {...dialogRole(`对“${row.title}”的督办操作`)}>
      <ErrorBanner error={decision.error instanceof ApiFailure && decision.error.fields.length ? null : decision.error} />
      <Form form={form} labelAlign="top" colon={false} onSubmit={onSubmit} initialData={{ days: 3, target: taskTarget ?? 'release' }} className="row-actions">
        <fieldset className="plain-fieldset">
          <legend>操作</legend>
          <Radio.Group
            value={action}
            onChange={(value) => {
              setAction(value as Action);
              decision.reset();
              form.clearValidate();
            }}
          >
            {(Object.keys(ACTION_LABELS) as Action[]).map((value) => (
              <Radio key={value} value={value}>
                {ACTION_LABELS[value]}
              </Radio>
            ))}
          </Radio.Group>
        </fieldset>
        {action === 'extend' ? (
          <FormItem label="延期对象" name="target" for={`${prefix}-target`} {...status('target')}>
            <Labelled id={`${prefix}-target`}>
              <Select options={[{ value: 'release', label: '法定公开时限' }, ...(taskTarget ? [{ value: taskTarget, label: `${row.stageLabel ?? '本环节'}办理时限` }] : [])]} />
            </Labelled>
          </FormItem>
        ) : null}
        <FormItem
          label={TEXT_LABELS[action]}
          name="text"
          for={`${prefix}-text`}
          help={action === 'demand' ? '写明要求部门办理的事项；部门负责人将在待办中答复。' : undefined}
          rules={[{ required: true, message: `请填写${TEXT_LABELS[action]}` }, { whitespace: true, message: `请填写${TEXT_LABELS[action]}` }, { max: 2000, message: '不超过2000字' }]}
          {...status('text')}
        >
          <Labelled id={`${prefix}-text`}>
            <Textarea autosize={{ minRows: 3, maxRows: 10 }} />
          </Labelled>
        </FormItem>
        {action !== 'comment' ? (
          <FormItem
            label={action === 'demand' ? '答复期限（工作日）' : '延长工作日'}
            name="days"
            for={`${prefix}-days`}
            rules={[{ required: true, message: '请填写工作日数' }, { validator: (value) => Number.isInteger(value) && value >= 1 && value <= MAX_DAYS[action], message: `请填写1至${MAX_DAYS[action]}之间的整数` }]}
            {...status('days')}
          >
            <Labelled id={`${prefix}-days`}>
              <InputNumber min={1} max={MAX_DAYS[action]} decimalPlaces={0} theme="normal" />
            </Labelled>
          </FormItem>
        ) : null}
        <FormItem>
          <Space>
            <Button type="submit" theme="primary" loading={decision.isPending}>
              {SUBMIT_LABELS[action]}
            </Button>
            <Button variant="outline" onClick={onClose}>
              取消
            </Button>
          </Space>
        </FormItem>
      </Form>
    </Dialog>
  );
}
