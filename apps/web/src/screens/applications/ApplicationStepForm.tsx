import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Select, type SubmitContext } from 'tdesign-react';
import { ApiFailure } from '../../api';
import { ErrorBanner } from '../../ui';
import { Labelled } from '../labelled-control';
import { applicationKeys, takeApplicationStep } from './application-queries';
import { stepBody, STEPS } from './application-steps';

type StepSpec = (typeof STEPS)[string][number];

/** One step the application may take now: its fields (validated here, then by the API) and its button. */
export function ApplicationStepForm({ applicationId, spec }: { applicationId: string; spec: StepSpec }) {
  const [form] = Form.useForm();
  const queries = useQueryClient();
  const take = useMutation({
    mutationFn: (values: Record<string, unknown>) => takeApplicationStep(applicationId, stepBody(spec.step, spec.fields ?? {}, values)),
    onSuccess: () => {
      form.reset();
      void queries.invalidateQueries({ queryKey: applicationKeys.all });
    },
  });
  const fieldError = (field: string) => (take.error instanceof ApiFailure ? take.error.fieldMessage(field) : undefined);
  const onSubmit = ({ validateResult }: SubmitContext) => {
    if (validateResult === true) take.mutate(form.getFieldsValue(true) as Record<string, unknown>);
  };
  return (
    <Form form={form} layout="inline" onSubmit={onSubmit} colon={false}>
      <ErrorBanner error={take.error instanceof ApiFailure && take.error.fields.length ? null : take.error} />
      {Object.entries(spec.fields ?? {}).map(([field, fieldSpec]) => {
        const id = `step-${spec.step}-${field}`;
        const problem = fieldError(field);
        return (
          <Form.FormItem key={field} label={fieldSpec.label} name={field} for={id} rules={[{ required: true, message: `请填写${fieldSpec.label}` }]} {...(problem ? { status: 'error', tips: problem } : {})}>
            <Labelled id={id}>
              {fieldSpec.options ? (
                <Select options={fieldSpec.options} placeholder="请选择" style={{ width: 260 }} />
              ) : fieldSpec.number ? (
                <InputNumber min={1} max={60} theme="normal" />
              ) : (
                <Input name={field} />
              )}
            </Labelled>
          </Form.FormItem>
        );
      })}
      <Form.FormItem>
        <Button type="submit" theme={spec.step === 'return' ? 'default' : 'primary'} loading={take.isPending} data-step={spec.step}>
          {spec.label}
        </Button>
      </Form.FormItem>
    </Form>
  );
}
