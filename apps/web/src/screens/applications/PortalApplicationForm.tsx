import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Select, Textarea, type FormRule, type SubmitContext } from 'tdesign-react';
import { fieldStatus, formLevelError } from '../action-failure';
import { ErrorBanner } from '../../ui';
import { Labelled } from '../labelled-control';
// The labelled controls' full width, which the portal does not otherwise load.
import '../staff-screens.css';
import { submitApplication, type ApplicationReceipt, type ApplicationRequest } from './portal-application-api';

/** The applicant columns of table 三, as the form offers them (a small copy: the web imports nothing from the domain). */
const APPLICANT_TYPES = [
  { value: 'naturalPerson', label: '自然人' },
  { value: 'commercialEnterprise', label: '商业企业' },
  { value: 'researchInstitution', label: '科研机构' },
  { value: 'socialWelfareOrganisation', label: '社会公益组织' },
  { value: 'legalServiceAgency', label: '法律服务机构' },
  { value: 'otherOrganisation', label: '其他组织' },
];

// A length is checked by a validator: TDesign's `min` counts a Chinese character as two, the API as one.
const required = (message: string): FormRule[] => [{ required: true, whitespace: true, message }];

/** The fields of the form: label, rules, and whether it is a long text. */
const FIELDS: { name: keyof ApplicationRequest; label: string; rules?: FormRule[]; help?: string; long?: boolean }[] = [
  { name: 'applicantName', label: '姓名或名称', rules: required('请填写姓名或名称') },
  { name: 'idDocument', label: '身份证明（证件号码）', rules: required('请填写身份证明') },
  { name: 'phone', label: '联系电话', rules: [{ pattern: /^[0-9+\- ]{5,20}$/, message: '请填写正确的电话号码' }] },
  { name: 'email', label: '电子邮箱', rules: [{ email: true, message: '请填写正确的电子邮箱' }] },
  {
    name: 'description',
    label: '所需政府信息的名称、文号或特征性描述',
    long: true,
    rules: [...required('请描述所需的政府信息'), { validator: (value: unknown) => String(value ?? '').trim().length >= 4, message: '请至少填写4个字' }],
  },
  { name: 'deliveryForm', label: '获取信息的方式', rules: required('请填写获取信息的方式'), help: '如：电子邮件、邮寄纸质件、当面领取' },
];

/** The application form (条例第二十九条): checked here, then by the API, whose field problems show on the fields. */
export function PortalApplicationForm({ onSubmitted }: { onSubmitted: (receipt: ApplicationReceipt) => void }) {
  const [form] = Form.useForm();
  const submit = useMutation({ mutationFn: submitApplication, onSuccess: onSubmitted });
  const problem = (field: string) => fieldStatus(submit.error, field);
  const onSubmit = ({ validateResult }: SubmitContext) => {
    if (validateResult !== true) return;
    const values = form.getFieldsValue(true) as Record<string, unknown>;
    const body = Object.fromEntries(Object.entries(values).filter(([, value]) => typeof value === 'string' && value.trim() !== '').map(([key, value]) => [key, (value as string).trim()]));
    submit.mutate(body as unknown as ApplicationRequest);
  };
  return (
    <Form form={form} onSubmit={onSubmit} labelAlign="top" initialData={{ applicantType: 'naturalPerson', deliveryForm: '电子邮件' }} style={{ maxWidth: 640 }}>
      <ErrorBanner error={formLevelError(submit.error)} />
      <Form.FormItem label="申请人类型" name="applicantType" for="application-applicantType" rules={[{ required: true, message: '请选择申请人类型' }]} {...problem('applicantType')}>
        <Labelled id="application-applicantType">
          <Select options={APPLICANT_TYPES} style={{ width: '100%' }} />
        </Labelled>
      </Form.FormItem>
      {FIELDS.map((field) => (
        <Form.FormItem key={field.name} label={field.label} name={field.name} for={`application-${field.name}`} rules={field.rules ?? []} help={field.help} {...problem(field.name)}>
          <Labelled id={`application-${field.name}`}>{field.long ? <Textarea autosize={{ minRows: 4 }} maxlength={4000} /> : <Input style={{ width: '100%' }} />}</Labelled>
        </Form.FormItem>
      ))}
      <Form.FormItem>
        <Button type="submit" theme="primary" loading={submit.isPending}>
          提交申请
        </Button>
      </Form.FormItem>
    </Form>
  );
}
