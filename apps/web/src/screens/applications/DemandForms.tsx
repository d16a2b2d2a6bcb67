import { useMutation } from '@tanstack/react-query';
import { Button, Form, Textarea, type SubmitContext } from 'tdesign-react';
import { fieldStatus, formLevelError } from '../action-failure';
import { ErrorBanner } from '../../ui';
import { Labelled } from '../labelled-control';
// The labelled controls' full width (the answer is a paragraph or two).
import '../staff-screens.css';
import { answerApplicationDemand, closeApplicationDemand, type ApplicationDemand } from './application-demands';

const text = (values: Record<string, unknown>, field: string) => String(values[field] ?? '').trim();

/** The department's answer to a 督办: why it is late (说明情况) and what it does about it (整改措施). */
export function AnswerDemandForm({ demand, onDone }: { demand: ApplicationDemand; onDone: (message: string) => void }) {
  const [form] = Form.useForm();
  const answer = useMutation({
    mutationFn: (values: Record<string, unknown>) => answerApplicationDemand(demand, { situation: text(values, 'situation'), measures: text(values, 'measures') }),
    onSuccess: () => onDone('督办已答复，等待督查人员办结。'),
  });
  const onSubmit = ({ validateResult }: SubmitContext) => {
    if (validateResult === true) answer.mutate(form.getFieldsValue(true) as Record<string, unknown>);
  };
  const id = (field: string) => `demand-${demand.id}-${field}`;
  return (
    <Form form={form} onSubmit={onSubmit} labelAlign="top">
      <h3>答复督办</h3>
      <ErrorBanner error={formLevelError(answer.error)} />
      <Form.FormItem label="说明情况" name="situation" for={id('situation')} help="申请未按期办理（或可能逾期）的原因和目前的进展。" rules={[{ required: true, whitespace: true, message: '请说明情况' }]} {...fieldStatus(answer.error, 'situation')}>
        <Labelled id={id('situation')}>
          <Textarea autosize={{ minRows: 3 }} />
        </Labelled>
      </Form.FormItem>
      <Form.FormItem label="整改措施" name="measures" for={id('measures')} help="已经或将要采取的措施，以及完成时间。" rules={[{ required: true, whitespace: true, message: '请填写整改措施' }]} {...fieldStatus(answer.error, 'measures')}>
        <Labelled id={id('measures')}>
          <Textarea autosize={{ minRows: 3 }} />
        </Labelled>
      </Form.FormItem>
      <Form.FormItem>
        <Button type="submit" theme="primary" loading={answer.isPending}>
          提交答复
        </Button>
      </Form.FormItem>
    </Form>
  );
}

/** The supervisor's closing of an answered 督办, with an optional remark. */
export function CloseDemandForm({ demand, onDone }: { demand: ApplicationDemand; onDone: (message: string) => void }) {
  const [form] = Form.useForm();
  const close = useMutation({ mutationFn: (remark: string) => closeApplicationDemand(demand, remark), onSuccess: () => onDone('督办已办结。') });
  const id = `demand-${demand.id}-remark`;
  return (
    <Form form={form} onSubmit={() => close.mutate(text(form.getFieldsValue(true) as Record<string, unknown>, 'remark'))} labelAlign="top">
      <ErrorBanner error={close.error} />
      <Form.FormItem label="办结意见" name="remark" for={id} help="可选：对答复的评价或后续要求。">
        <Labelled id={id}>
          <Textarea autosize={{ minRows: 2 }} />
        </Labelled>
      </Form.FormItem>
      <Form.FormItem>
        <Button type="submit" theme="success" loading={close.isPending}>
          办结督办
        </Button>
      </Form.FormItem>
    </Form>
  );
}
