import { useState } from 'react';
import { Button, Form, Radio, Select } from 'tdesign-react';
import { ActionFailure, fieldProblem } from '../action-failure';
import { useConcernStep, useDepartments } from './concern-api';
import { CLASSIFICATION_OPTIONS, type Concern } from './concern-types';

type Classification = (typeof CLASSIFICATION_OPTIONS)[number]['value'];

/** 分办: the disclosure office classifies the concern and assigns the department that answers it. */
export function TriagePanel({ concern }: { concern: Concern }) {
  const departments = useDepartments();
  const { triage } = useConcernStep(concern.id);
  const [classification, setClassification] = useState<Classification | ''>('');
  const [department, setDepartment] = useState(concern.itemDepartmentCode);
  const [missing, setMissing] = useState<string | null>(null);
  const options = (departments.data?.items ?? []).filter((d) => d.active).map((d) => ({ value: d.code, label: d.name }));
  const departmentProblem = fieldProblem(triage.error, 'assignDepartmentCode', '请选择一个在用的承办部门');

  const submit = () => {
    if (!classification) return setMissing('请选择关切的类别');
    setMissing(null);
    triage.mutate({ classification, assignDepartmentCode: department });
  };

  return (
    <section className="card concern-step" aria-labelledby="triage-title">
      <h2 id="triage-title">分办</h2>
      <ActionFailure error={triage.error} />
      <Form labelAlign="top" onSubmit={submit} colon={false}>
        <fieldset className="plain-fieldset">
          <legend>关切类别</legend>
          <Radio.Group value={classification} onChange={(value) => setClassification(value as Classification)}>
            {CLASSIFICATION_OPTIONS.map((option) => (
              <Radio key={option.value} value={option.value}>
                {option.label}
              </Radio>
            ))}
          </Radio.Group>
          {missing ? <p className="field-error" role="alert">{missing}</p> : null}
        </fieldset>
        <div className="labelled-control">
          <label>
            <span className="control-label">承办部门</span>
            <Select value={department} options={options} onChange={(value) => setDepartment(String(value))} filterable style={{ maxWidth: 360 }} status={departmentProblem ? 'error' : 'default'} />
          </label>
          <p className="hint">默认为所涉事项的责任部门；由承办部门起草答复、部门负责人审核。</p>
          {departmentProblem ? <p className="field-error" role="alert">{departmentProblem}</p> : null}
        </div>
        <Button type="submit" theme="primary" loading={triage.isPending}>
          分办
        </Button>
      </Form>
    </section>
  );
}
