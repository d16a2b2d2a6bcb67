import type { AnnualReport } from './annual-report-model';
import type { FormCells } from './FigureInput';

/** 四、政府信息公开行政复议、行政诉讼情况, typed in by the office. */
export function ReviewLitigationSection({ report, draft, input, problemOf, update }: FormCells & { report: AnnualReport }) {
  return (
      <section className="card" aria-labelledby="ar-review-title">
        <h2 id="ar-review-title">
          {report.sections.reviewLitigation.title} <span className="badge badge-input">手工填报</span>
        </h2>
        <div className="table-scroll">
          <table className="table compact report-table">
            <thead>
              <tr>
                <th scope="col">类别</th>
                {report.sections.reviewLitigation.groups[0]!.cells.map((cell) => (
                  <th key={cell.key} scope="col">
                    {cell.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.sections.reviewLitigation.groups.map((group) => (
                <tr key={group.key}>
                  <th scope="row">{group.parent ? `${group.parent} · ${group.label}` : group.label}</th>
                  {group.cells.map((cell) => {
                    const field = `reviewLitigation.${group.key}.${cell.key}`;
                    return (
                      <td key={cell.key} className={`cell-input${problemOf(field) ? ' cell-invalid' : ''}`}>
                        {input(field, draft.reviewLitigation[group.key]![cell.key] ?? '', (value) => update((d) => ({ ...d, reviewLitigation: { ...d.reviewLitigation, [group.key]: { ...d.reviewLitigation[group.key], [cell.key]: value } } })), `${group.parent ?? ''}${group.label} ${cell.label}`)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
  );
}
