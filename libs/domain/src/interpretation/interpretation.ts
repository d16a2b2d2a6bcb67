/**
 * 多元化解读: a policy is interpreted in more forms than text, so that people understand it (听得懂): a
 * text, a graphic (图解), a video or audio, questions and answers, or the record of a press conference, each
 * by an interpreter (the drafting department, an expert, a leader) with its own attachments.
 */
export const INTERPRETATION_FORMS = ['text', 'graphic', 'video', 'audio', 'qa', 'press-conference'] as const;
export type InterpretationForm = (typeof INTERPRETATION_FORMS)[number];

export const INTERPRETATION_FORM_LABELS: Readonly<Record<InterpretationForm, string>> = {
  text: '文字解读',
  graphic: '图解',
  video: '视频解读',
  audio: '音频解读',
  qa: '问答解读',
  'press-conference': '新闻发布会',
};

export const INTERPRETER_KINDS = ['drafting-department', 'expert', 'leader'] as const;
export type InterpreterKind = (typeof INTERPRETER_KINDS)[number];

export const INTERPRETER_KIND_LABELS: Readonly<Record<InterpreterKind, string>> = {
  'drafting-department': '起草部门',
  expert: '专家',
  leader: '领导',
};

export const INTERPRETATION_TEXT_MAX_LENGTH = 100_000;

/** One interpretation as the drafter submits it; which fields a form needs is checked below. */
export interface InterpretationDraft {
  readonly form: InterpretationForm;
  readonly interpreterKind: InterpreterKind;
  readonly interpreterName: string;
  readonly title: string;
  readonly body?: string;
  readonly mediaUrl?: string;
  readonly transcript?: string;
  readonly questions?: readonly { readonly question: string; readonly answer: string }[];
  readonly heldAt?: string;
  readonly attachmentIds?: readonly string[];
}

export interface InterpretationProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * What each form needs. A graphic or a recording is only understood by everyone with a text beside it
 * (a text alternative for the image, a transcript for the recording), so those are required too.
 */
export function interpretationProblems(draft: InterpretationDraft): InterpretationProblem[] {
  const problems: InterpretationProblem[] = [];
  const need = (field: keyof InterpretationDraft, present: boolean, message: string) => {
    if (!present) problems.push({ field, message: `${field}：${message}` });
  };
  const text = (value: string | undefined) => !!value?.trim();
  switch (draft.form) {
    case 'text':
      need('body', text(draft.body), '文字解读须有正文');
      break;
    case 'graphic':
      need('attachmentIds', (draft.attachmentIds?.length ?? 0) > 0, '图解须附图片');
      need('body', text(draft.body), '图解须附文字说明，供无法查看图片的读者使用');
      break;
    case 'video':
    case 'audio':
      need('mediaUrl', text(draft.mediaUrl), `${INTERPRETATION_FORM_LABELS[draft.form]}须有播放地址`);
      need('transcript', text(draft.transcript), `${INTERPRETATION_FORM_LABELS[draft.form]}须附文字稿`);
      break;
    case 'qa':
      need('questions', (draft.questions?.length ?? 0) > 0, '问答解读至少须有一问一答');
      draft.questions?.forEach((pair, index) => {
        if (!pair.question?.trim() || !pair.answer?.trim()) problems.push({ field: `questions.${index}`, message: `questions[${index}]：问与答都不能为空` });
      });
      break;
    case 'press-conference':
      need('heldAt', text(draft.heldAt), '须写明发布会时间');
      need('body', text(draft.body), '须有发布会实录');
      break;
  }
  if (draft.mediaUrl && !/^https?:\/\/\S+$/.test(draft.mediaUrl)) problems.push({ field: 'mediaUrl', message: 'mediaUrl：须为 http(s) 地址' });
  return problems;
}

/** One planned interpretation (三同步: planned when the policy is drafted). */
export interface InterpretationPlanEntry {
  readonly form: InterpretationForm;
  readonly interpreterKind: InterpreterKind;
}

/** Each planned entry, and whether an interpretation of that form by that kind of interpreter exists. */
export function planCoverage(
  plan: readonly InterpretationPlanEntry[],
  interpretations: readonly { readonly form: InterpretationForm; readonly interpreterKind: InterpreterKind }[],
): { readonly entry: InterpretationPlanEntry; readonly done: boolean }[] {
  return plan.map((entry) => ({ entry, done: interpretations.some((made) => made.form === entry.form && made.interpreterKind === entry.interpreterKind) }));
}

/**
 * 三同步 (同步部署): an item with an interpretation plan is signed off for release only once every planned
 * interpretation exists. The refusal names what is missing; undefined when nothing is.
 */
export function interpretationPlanReleaseRefusal(
  coverage: readonly { readonly entry: InterpretationPlanEntry; readonly done: boolean }[],
): string | undefined {
  const missing = coverage.filter((entry) => !entry.done).map(({ entry }) => `${INTERPRETER_KIND_LABELS[entry.interpreterKind]}的${INTERPRETATION_FORM_LABELS[entry.form]}`);
  return missing.length ? `解读方案中尚缺：${missing.join('、')}；请先补齐解读再签发` : undefined;
}
