import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Button, Card, Checkbox, DatePicker, Form, InputNumber, Select, TagInput, type SubmitContext } from 'tdesign-react';
import { fieldStatus, formLevelError } from '../action-failure';
import { ErrorBanner } from '../../ui';
import { Labelled } from '../labelled-control';
import { compilationKeys, openRound } from './compilation-api';

interface OpenValues {
  kind: 'annual' | 'adjustment';
  year: number;
  areas: string[];
  departmentCodes: string[];
  dueDate: string;
  legalReview: boolean;
}

/** The disclosure office opens a round: which areas, which departments propose, by when, and whether 合法性审查 follows. */
export function OpenRoundForm() {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const open = useMutation({
    mutationFn: (values: OpenValues) => openRound({ ...values, legalReview: !!values.legalReview }),
    onSuccess: (opened) => {
      void queries.invalidateQueries({ queryKey: compilationKeys.all });
      void navigate(`/compilation/${opened.roundId}`);
    },
  });
  const problem = (field: string) => fieldStatus(open.error, field);
  const onSubmit = ({ validateResult }: SubmitContext) => {
    if (validateResult === true) open.mutate(form.getFieldsValue(true) as OpenValues);
  };
  const some = (message: string) => [{ required: true, message }, { validator: (value: unknown) => Array.isArray(value) && value.length > 0, message }];
  return (
    <section aria-labelledby="open-round-title">
      <Card bordered title={<h2 id="open-round-title" style={{ margin: 0 }}>发起编制</h2>} style={{ marginTop: 16 }}>
        <ErrorBanner error={formLevelError(open.error)} />
        <Form form={form} onSubmit={onSubmit} labelWidth={150} initialData={{ kind: 'annual', year: 2027, areas: ['义务教育'], departmentCodes: ['edu'], legalReview: false }} style={{ maxWidth: 720 }}>
          <Form.FormItem label="类型" name="kind" for="round-kind" {...problem('kind')}>
            <Labelled id="round-kind">
              <Select options={[{ value: 'annual', label: '年度目录编制' }, { value: 'adjustment', label: '目录动态调整' }]} />
            </Labelled>
          </Form.FormItem>
          <Form.FormItem label="年度" name="year" for="round-year" rules={[{ required: true, message: '请填写年度' }]} {...problem('year')}>
            <Labelled id="round-year">
              <InputNumber min={2000} max={2100} theme="normal" />
            </Labelled>
          </Form.FormItem>
          <Form.FormItem label="领域" name="areas" for="round-areas" help="输入后按回车添加" rules={some('请至少填写一个领域')} {...problem('areas')}>
            <Labelled id="round-areas">
              <TagInput clearable />
            </Labelled>
          </Form.FormItem>
          <Form.FormItem label="参与部门编码" name="departmentCodes" for="round-departments" help="输入后按回车添加，如 edu" rules={some('请至少填写一个部门')} {...problem('departmentCodes')}>
            <Labelled id="round-departments">
              <TagInput clearable />
            </Labelled>
          </Form.FormItem>
          <Form.FormItem label="提交截止日期" name="dueDate" for="round-due" rules={[{ required: true, message: '请选择提交截止日期' }]} {...problem('dueDate')}>
            <Labelled id="round-due">
              <DatePicker valueType="YYYY-MM-DD" />
            </Labelled>
          </Form.FormItem>
          <Form.FormItem label="合法性审查" name="legalReview">
            <Checkbox>需要合法性审查</Checkbox>
          </Form.FormItem>
          <Form.FormItem>
            <Button type="submit" theme="primary" loading={open.isPending}>
              发起
            </Button>
          </Form.FormItem>
        </Form>
        </Card>
    </section>
  );
}
