import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Form, Select, type SubmitContext } from 'tdesign-react';
import { apiClient, bodyOf } from '../../openapi/client';
import { ErrorBanner } from '../../ui';
import { Labelled } from '../labelled-control';
import { reviewChainKeys, STAGES, type ReviewChainPolicy, type ReviewChainPolicySet, type ReviewStage } from './review-chain-types';

const { FormItem } = Form;
const ALL = '';

interface ChainValues {
  departmentCode: string;
  catalogItemCode: string;
  stages: ReviewStage[];
}

/**
 * Sets the chain for a department, a catalog row, or both (replacing the one there). 保密审查 and 签发 cannot
 * be unticked; items submitted from now on follow the chain.
 */
export function SetChainForm(props: {
  departments: { value: string; label: string }[];
  rows: { value: string; label: string }[];
  editing?: ReviewChainPolicy | undefined;
  onDone: (saved: ReviewChainPolicySet) => void;
}) {
  const [form] = Form.useForm();
  const queries = useQueryClient();
  const save = useMutation({
    mutationFn: (values: ChainValues) =>
      bodyOf(
        apiClient.PUT('/api/review-chains', {
          body: {
            ...(values.departmentCode ? { departmentCode: values.departmentCode } : {}),
            ...(values.catalogItemCode ? { catalogItemCode: values.catalogItemCode } : {}),
            // Always in the chain's own order, whatever order the boxes were ticked in.
            stages: STAGES.map((stage) => stage.value).filter((stage) => stage === 'confidentiality-review' || stage === 'sign-off' || values.stages.includes(stage)),
          },
        }),
      ),
    onSuccess: (saved) => {
      void queries.invalidateQueries({ queryKey: reviewChainKeys.all });
      props.onDone(saved);
    },
  });
  const onSubmit = ({ validateResult }: SubmitContext) => {
    if (validateResult !== true) return;
    save.mutate(form.getFieldsValue(true) as ChainValues);
  };
  const editing = props.editing;
  return (
    <>
      <ErrorBanner error={save.error} />
      <Form
        form={form}
        onSubmit={onSubmit}
        labelWidth={110}
        colon={false}
        className="set-chain"
        initialData={{ departmentCode: editing?.departmentCode ?? ALL, catalogItemCode: editing?.catalogItemCode ?? ALL, stages: editing?.stages ?? STAGES.map((stage) => stage.value) }}
      >
        <FormItem label="适用部门" name="departmentCode" for="chain-department">
          <Labelled id="chain-department">
            <Select disabled={!!editing} options={[{ value: ALL, label: '所有部门' }, ...props.departments]} />
          </Labelled>
        </FormItem>
        <FormItem label="适用目录事项" name="catalogItemCode" for="chain-row">
          <Labelled id="chain-row">
            <Select disabled={!!editing} filterable options={[{ value: ALL, label: '所有事项' }, ...props.rows]} />
          </Labelled>
        </FormItem>
        <FormItem label="审核环节" name="stages" rules={[{ validator: (value: ReviewStage[]) => value.includes('confidentiality-review') || { result: false, message: '保密审查不可省略' } }]}>
          <Checkbox.Group aria-label="审核环节（按顺序进行）">
            {STAGES.map((stage) => (
              <Checkbox key={stage.value} value={stage.value} disabled={stage.required}>
                {stage.label}
                {stage.required ? '（必经）' : stage.value === 'legality-review' ? '（仅规范性文件）' : ''}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </FormItem>
        <FormItem>
          <Button type="submit" theme="primary" loading={save.isPending}>
            保存审核流程
          </Button>
        </FormItem>
      </Form>
    </>
  );
}
