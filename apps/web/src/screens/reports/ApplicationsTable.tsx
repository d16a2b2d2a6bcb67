import type { AnnualReport } from './annual-report-model';
import type { FormCells } from './FigureInput';

/** Table 三 in the official layout: the applicant columns, the result rows under their headings, 总计 per row. */
export function ApplicationsTable(props: FormCells & { report: AnnualReport}) {
  const { columns, rows, title } = props.report.sections.applications;
  const entered = columns.filter((column) => column.key !== 'total');
  const resultRows = rows.filter((row) => row.group !== null);
  const OUTER = '三、本年度办理结果';
  const rowTotal = (key: string) => entered.reduce((sum, column) => sum + (Number(props.draft.applications[key]?.[column.key]) || 0), 0);
  return (
    <section className="card" aria-labelledby="ar-applications-title">
      <h2 id="ar-applications-title">
        {title} <span className="badge badge-input">手工填报</span>
      </h2>
      <p className="meta">依申请公开尚未纳入系统办理，本表由政务公开办填报。保存时校验：（七）总计 = 各项办理结果之和；本年新收 + 上年结转 = 办理结果总计 + 结转下年度。</p>
      <div className="table-scroll">
        <table className="table compact report-table applications-table">
          <thead>
            <tr>
              <td colSpan={3} rowSpan={3} />
              <th scope="colgroup" colSpan={entered.length + 1}>
                申请人情况
              </th>
            </tr>
            <tr>
              <th scope="col" rowSpan={2}>
                自然人
              </th>
              <th scope="colgroup" colSpan={entered.length - 1}>
                法人或其他组织
              </th>
              <th scope="col" rowSpan={2}>
                总计
              </th>
            </tr>
            <tr>
              {entered.slice(1).map((column) => (
                <th key={column.key} scope="col">
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const inResults = row.group !== null;
              const firstOfResults = row === resultRows[0];
              const subgroup = row.group !== null && row.group !== OUTER ? row.group : null;
              const firstOfSubgroup = subgroup !== null && rows.find((candidate) => candidate.group === subgroup) === row;
              const subgroupSize = subgroup ? rows.filter((candidate) => candidate.group === subgroup).length : 0;
              return (
                <tr key={row.key} className={row.key === 'resultsTotal' ? 'row-total' : ''}>
                  {!inResults ? (
                    <th scope="row" colSpan={3}>
                      {row.label}
                    </th>
                  ) : (
                    <>
                      {firstOfResults ? (
                        <th scope="rowgroup" rowSpan={resultRows.length} className="row-group">
                          {OUTER}
                        </th>
                      ) : null}
                      {subgroup ? (
                        <>
                          {firstOfSubgroup ? (
                            <th scope="rowgroup" rowSpan={subgroupSize} className="row-group">
                              {subgroup}
                            </th>
                          ) : null}
                          <th scope="row">{row.label}</th>
                        </>
                      ) : (
                        <th scope="row" colSpan={2}>
                          {row.label}
                        </th>
                      )}
                    </>
                  )}
                  {entered.map((column) => {
                    const field = `applications.${row.key}.${column.key}`;
                    return (
                      <td key={column.key} className={`cell-input${props.problemOf(field) ? ' cell-invalid' : ''}`}>
                        {props.input(
                          field,
                          props.draft.applications[row.key]?.[column.key] ?? '',
                          (value) => props.update((d) => ({ ...d, applications: { ...d.applications, [row.key]: { ...d.applications[row.key], [column.key]: value } } })),
                          `${subgroup ?? ''}${row.label} ${column.group ? `${column.group}·` : ''}${column.label}`,
                        )}
                      </td>
                    );
                  })}
                  <td className="cell-total">{rowTotal(row.key)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

