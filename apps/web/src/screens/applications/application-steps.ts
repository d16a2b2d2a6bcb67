import type { ApplicationStep } from './application-queries';

type StepName = ApplicationStep['step'];

/** A field a step asks for: its label, and for a choice the options offered. */
export interface StepField {
  label: string;
  number?: boolean;
  options?: { value: string; label: string }[];
}

/** The outcomes a reply most often has (条例第三十六条); the API accepts the full list of table 三. */
const OUTCOMES = [
  { value: 'granted', label: '予以公开' },
  { value: 'partiallyGranted', label: '部分公开' },
  { value: 'unableNotHeld', label: '本机关不掌握相关政府信息' },
  { value: 'unableNeedsCreation', label: '没有现成信息需要另行制作' },
  { value: 'refusedThirdParty', label: '不予公开：危及第三方合法权益' },
  { value: 'refusedProcessInformation', label: '不予公开：属于过程性信息' },
];

/** The steps the screen offers in each state, with the fields each needs (the workflow decides who may). */
export const STEPS: Readonly<Record<string, { step: StepName; label: string; fields?: Record<string, StepField> }[]>> = {
  submitted: [{ step: 'sign', label: '签收' }],
  received: [
    { step: 'accept', label: '受理并分办', fields: { departmentCode: { label: '承办部门代码' } } },
    { step: 'request-correction', label: '要求补正', fields: { missing: { label: '需补正事项' }, periodWorkingDays: { label: '补正期限（工作日）', number: true } } },
  ],
  accepted: [
    { step: 'draft-reply', label: '起草答复', fields: { outcome: { label: '处理结果', options: OUTCOMES } } },
    { step: 'start-consultation', label: '征求第三方意见', fields: { party: { label: '征求意见对象' } } },
    { step: 'request-extension', label: '申请延期', fields: { reason: { label: '延期理由' }, workingDays: { label: '延长工作日', number: true } } },
    { step: 'transfer', label: '转办', fields: { departmentCode: { label: '转办部门代码' }, reason: { label: '转办理由' } } },
    { step: 'return', label: '退回', fields: { reason: { label: '退回理由' } } },
  ],
  correction: [{ step: 'correction-received', label: '已收到补正' }],
  consultation: [{ step: 'consultation-answered', label: '登记意见', fields: { summary: { label: '意见摘要' } } }],
  fee: [{ step: 'fee-paid', label: '已缴费' }],
  'reply-review': [{ step: 'review-reply', label: '保密审查通过' }],
  'reply-sign-off': [{ step: 'sign-off-reply', label: '签发' }],
  'reply-ready': [{ step: 'deliver-reply', label: '送达', fields: { method: { label: '送达方式' } } }],
};

/** The body of a step from what the form holds: numbers as numbers, empty fields left out. */
export function stepBody(step: StepName, fields: Record<string, StepField>, values: Record<string, unknown>): ApplicationStep {
  const body: Record<string, unknown> = { step };
  for (const [field, spec] of Object.entries(fields)) {
    const value = values[field];
    if (value === undefined || value === null || String(value).trim() === '') continue;
    body[field] = spec.number ? Number(value) : String(value).trim();
  }
  if (step === 'review-reply' || step === 'sign-off-reply') body.approve = true;
  if (step === 'start-consultation') body.kind = 'third-party';
  return body as ApplicationStep;
}
