import { Button } from 'tdesign-react';
import { timeLimitLine, type CatalogItemView } from '../../item-types';
import { describedBy, Field } from '../../ui';

/** Step 1 of a new item: the catalog rows the drafter's department is responsible for, by area and keyword. */
export function CatalogPicker(props: {
  areas: string[];
  area: string;
  q: string;
  results: CatalogItemView[] | null;
  code: string;
  locked: boolean;
  error: string | undefined;
  onArea: (area: string) => void;
  onQ: (q: string) => void;
  onSearch: () => void;
  onChoose: (code: string) => void;
}) {
  return (
    <fieldset className="card">
      <legend>第一步：选择目录事项</legend>
      <div className="inline-fields">
        <Field id="catalog-area" label="领域">
          <select id="catalog-area" value={props.area} onChange={(e) => props.onArea(e.target.value)}>
            <option value="">全部领域</option>
            {props.areas.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </Field>
        <Field id="catalog-q" label="关键词">
          <input id="catalog-q" type="search" value={props.q} onChange={(e) => props.onQ(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); props.onSearch(); } }} />
        </Field>
        <Button variant="outline" onClick={props.onSearch}>
          搜索
        </Button>
      </div>
      <div className={`field${props.error ? ' field-invalid' : ''}`} role="radiogroup" aria-labelledby="catalog-results-label" {...describedBy('catalogItemCode', props.error)}>
        <p id="catalog-results-label" className="label">
          目录事项 <span className="required" aria-hidden="true">*</span>
          <span className="muted">（共 {props.results?.length ?? 0} 项）</span>
        </p>
        <ul className="catalog-list">
          {(props.results ?? []).slice(0, 50).map((item) => (
            <li key={item.code}>
              <label className={`catalog-option${props.code === item.code ? ' selected' : ''}`}>
                <input type="radio" name="catalogItemCode" value={item.code} checked={props.code === item.code} disabled={props.locked} onChange={() => props.onChoose(item.code)} />
                <span>
                  <strong>{item.name}</strong> <code>{item.code}</code>
                  <span className="muted"> · {item.area} · {timeLimitLine(item.timeLimit)}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        {props.results && props.results.length === 0 ? <p className="muted">{props.area || props.q.trim() ? '没有符合条件的目录事项。' : '本单位在现行目录中没有负责的事项，请联系政务公开办公室。'}</p> : null}
        {props.error ? <p className="field-error" id="catalogItemCode-error">{props.error}</p> : null}
      </div>
    </fieldset>
  );
}
