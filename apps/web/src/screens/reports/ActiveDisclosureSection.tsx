import { DOCUMENT_FIGURES, NORMATIVE_NOTE, type AnnualReport } from './annual-report-model';
import type { FormCells } from './FigureInput';

/** 二、主动公开政府信息情况: 规章 typed in, 行政规范性文件 counted by the system, the four decision figures typed in. */
export function ActiveDisclosureSection({ report, draft, input, problemOf, update }: FormCells & { report: AnnualReport }) {
  return (
      <section className="card" aria-labelledby="ar-active-title">
        <h2 id="ar-active-title">
          {report.sections.activeDisclosure.title} <span className="badge badge-mixed">手工填报与系统统计</span>
        </h2>
        <div className="table-scroll">
          <table className="table compact report-table">
            <caption className="sr-only">规章和行政规范性文件</caption>
            <thead>
              <tr>
                <th scope="col">信息内容</th>
                <th scope="col">本年制发件数</th>
                <th scope="col">本年废止件数</th>
                <th scope="col">现行有效件数</th>
              </tr>
            </thead>
            <tbody>
              {report.sections.activeDisclosure.documents.map((row) => (
                <tr key={row.key}>
                  <th scope="row">
                    {row.label}
                    {row.key === 'rules' ? null : <span className="source-note">系统统计</span>}
                  </th>
                  {DOCUMENT_FIGURES.map((figure) =>
                    row.key === 'rules' ? (
                      <td key={figure} className={`cell-input${problemOf(`rules.${figure}`) ? ' cell-invalid' : ''}`}>
                        {input(`rules.${figure}`, draft.rules[figure], (value) => update((d) => ({ ...d, rules: { ...d.rules, [figure]: value } })), `规章 ${figure === 'issued' ? '本年制发件数' : figure === 'repealed' ? '本年废止件数' : '现行有效件数'}`)}
                      </td>
                    ) : (
                      <td key={figure} className="cell-system">
                        {row[figure].value}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          <table className="table compact report-table">
            <caption className="sr-only">行政许可、行政处罚、行政强制和行政事业性收费</caption>
            <thead>
              <tr>
                <th scope="col">信息内容</th>
                <th scope="col">统计口径</th>
                <th scope="col">数量</th>
              </tr>
            </thead>
            <tbody>
              {report.sections.activeDisclosure.decisions.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  <td>{row.measure}</td>
                  <td className={`cell-input${problemOf(row.key) ? ' cell-invalid' : ''}`}>
                    {input(row.key, draft.decisions[row.key], (value) => update((d) => ({ ...d, decisions: { ...d.decisions, [row.key]: value } })), `${row.label} ${row.measure}`, row.key === 'feesTenThousandYuan')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="meta">{NORMATIVE_NOTE}</p>
      </section>
  );
}
