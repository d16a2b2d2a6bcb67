import { Button, Form, Input, type SubmitContext } from 'tdesign-react';
import { ActionFailure, fieldProblem } from '../action-failure';
import { Labelled } from '../labelled-control';
import { useFindingDecisions, type FindingView } from './personal-information-api';

const { FormItem } = Form;

/** The 保密审查 reviewer's reason a finding may be released as it is: a legal basis of 5 to 500 characters. */
export function JustifyFindingForm({ itemId, finding, onChanged }: { itemId: string; finding: FindingView; onChanged: () => void }) {
  const [form] = Form.useForm();
  const { justify } = useFindingDecisions(itemId);
  const id = `justify-${finding.id}`;
  const onSubmit = ({ validateResult }: SubmitContext) => {
    if (validateResult !== true) return;
    const reason = String(form.getFieldValue('reason') ?? '').trim();
    justify.mutate({ findingId: finding.id, reason }, { onSuccess: onChanged });
  };
  const problem = fieldProblem(justify.error, 'reason', '请写明公开该个人信息的法律依据，5至500个字');
  return (
    <Form form={form} labelAlign="top" colon={false} onSubmit={onSubmit} className="justify-form">
      <FormItem
        label="公开依据"
        name="reason"
        for={id}
        status={problem ? 'error' : undefined}
        tips={problem}
        rules={[
          { required: true, message: '请写明公开该个人信息的法律依据' },
          { min: 5, message: '公开依据至少5个字' },
          { max: 500, message: '公开依据不能超过500个字' },
        ]}
      >
        <Labelled id={id}>
          <Input placeholder="例如：《……办法》第……条规定须公示" />
        </Labelled>
      </FormItem>
      <FormItem>
        <Button type="submit" variant="outline" loading={justify.isPending}>
          记录公开依据
        </Button>
      </FormItem>
      {justify.error && !problem ? <ActionFailure error={justify.error} /> : null}
    </Form>
  );
}
