import { Button, Form, Input, Select, Space, type SubmitContext } from 'tdesign-react';
import { Labelled } from '../labelled-control';
import { ACTION_LABEL, CATEGORY_LABEL, type Proposal, type ProposedRow, type Round, type RowAction, type RowProposal } from './compilation-types';

const FIELDS: [name: string, label: string][] = [
  ['code', '事项编码'],
  ['level1', '一级事项'],
  ['level2', '二级事项'],
  ['content', '公开内容（要素）'],
  ['basis', '公开依据'],
  ['timeLimitText', '公开时限'],
  ['source', '来源（权责清单事项）'],
];
const CODE = /^[A-Z]{2,10}-\d{3,}$/;

/** A row a department adds, changes or removes; the rows go to the office together ("提交本部门目录事项"). */
export function ProposalRowForm(props: { round: Round; proposal: Proposal; onAdd: (row: RowProposal) => void; onSubmitRows: () => void; submitting: boolean }) {
  const { round, proposal } = props;
  const [form] = Form.useForm();
  const idOf = (field: string) => `${proposal.departmentCode}-${field}`;
  const onSubmit = ({ validateResult }: SubmitContext) => {
    if (validateResult !== true) return;
    const v = form.getFieldsValue(true) as Record<string, string> & { action: RowAction };
    const row = {
      area: round.areas[0] ?? '',
      level1: v.level1 ?? '',
      level2: v.level2 ?? '',
      content: v.content ?? '',
      basis: v.basis ?? '',
      timeLimitText: v.timeLimitText ?? '',
      subject: proposal.departmentName ?? proposal.departmentCode,
      departmentCodes: [proposal.departmentCode],
      channels: ['政府网站'],
      audience: 'public' as const,
      mode: 'proactive' as const,
      levels: ['county' as const],
      category: v.category as ProposedRow['category'],
    };
    props.onAdd({ action: v.action, code: v.code!.trim(), ...(v.action === 'remove' ? {} : { row }), source: { kind: 'power-list', reference: v.source ?? '' } });
    form.reset();
  };
  return (
    <section aria-label="添加目录事项" style={{ marginTop: 16 }}>
      <Form form={form} onSubmit={onSubmit} labelAlign="top" layout="inline" initialData={{ action: 'add', category: 'execution' }}>
        <Form.FormItem label="操作" name="action" for={idOf('action')}>
          <Labelled id={idOf('action')}>
            <Select options={Object.entries(ACTION_LABEL).map(([value, label]) => ({ value, label }))} style={{ width: 120 }} />
          </Labelled>
        </Form.FormItem>
        <Form.FormItem label="五公开" name="category" for={idOf('category')}>
          <Labelled id={idOf('category')}>
            <Select options={Object.entries(CATEGORY_LABEL).map(([value, label]) => ({ value, label }))} style={{ width: 140 }} />
          </Labelled>
        </Form.FormItem>
        {FIELDS.map(([name, label]) => (
          <Form.FormItem
            key={name}
            label={label}
            name={name}
            for={idOf(name)}
            rules={name === 'code' ? [{ required: true, message: '请填写事项编码' }, { pattern: CODE, message: '事项编码须形如 EDU-003' }] : [{ validator: (value: unknown) => form.getFieldValue?.('action') === 'remove' || String(value ?? '').trim() !== '', message: `请填写${label}` }]}
          >
            <Labelled id={idOf(name)}>
              <Input style={{ width: 220 }} />
            </Labelled>
          </Form.FormItem>
        ))}
      </Form>
      <Space style={{ marginTop: 8 }}>
        <Button variant="outline" onClick={() => form.submit()}>
          加入列表
        </Button>
        <Button theme="primary" loading={props.submitting} onClick={props.onSubmitRows}>
          提交本部门目录事项
        </Button>
      </Space>
    </section>
  );
}
