import { Button, Card, Col, Row, Space, Statistic } from 'tdesign-react';
import { download, openAuthenticated } from '../../api';
import { formatDate, formatDateTime } from '../../format';
import type { AnnualReportDeadline } from './supervision-api';

interface Counts {
  statutory: number;
  sla: number;
  stillOverdue: number;
}

/** The headline figures: overdue by kind, still outstanding, and the demands waiting for an answer. */
export function OverdueStats({ counts, demands }: { counts: Counts; demands: { open: number; overdue: number } }) {
  const figures = [
    { title: '超过法定公开时限', value: counts.statutory, unit: '件', color: 'red' as const },
    { title: '超过内部办理时限', value: counts.sla, unit: '件', color: 'orange' as const },
    { title: '尚未办结', value: counts.stillOverdue, unit: '件' },
    { title: '督办待答复', value: demands.open, unit: '件' },
    { title: '督办逾期未答复', value: demands.overdue, unit: '件', color: demands.overdue ? ('red' as const) : undefined },
  ];
  return (
    <div role="group" aria-label="逾期统计">
      <Row gutter={[12, 12]}>
        {figures.map((figure) => (
          <Col key={figure.title} flex="1 1 150px">
            <Card size="small" bordered>
              <Statistic title={figure.title} value={figure.value} unit={figure.unit} color={figure.color} />
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}

/** The annual report's own statutory deadline (条例第四十九条: by January 31 of the next year). */
export function AnnualReportCard({ report, onError }: { report: AnnualReportDeadline; onError: (error: unknown) => void }) {
  const tone = report.overdue ? 'deadline-overdue' : report.daysLeft <= 30 ? 'deadline-soon' : '';
  const figure = report.overdue ? `已逾期 ${-report.daysLeft} 天` : report.daysLeft === 0 ? '今天截止' : `还剩 ${report.daysLeft} 天`;
  return (
    <Card className={`deadline-card ${tone}`} bordered>
      <section aria-labelledby="annual-report-title">
      <h2 id="annual-report-title">年度报告报送期限</h2>
      <p className="deadline-figure">{figure}</p>
      <p>
        {report.title}应于 <strong>{formatDate(report.dueAt)}</strong> 前公开（《政府信息公开条例》第四十九条）。
      </p>
      <p className="muted">{report.inputsSavedAt ? `人工填报部分已于 ${formatDateTime(report.inputsSavedAt)} 保存（${report.inputsSavedBy}）。` : '人工填报部分尚未保存。'}</p>
      <Space>
        <Button variant="text" theme="primary" onClick={() => openAuthenticated(report.links.html.replace(/^\/api/, '')).catch(onError)}>
          查看报告（打印版）
        </Button>
        <Button variant="text" theme="primary" onClick={() => download(report.links.xlsx.replace(/^\/api/, ''), `${report.year}年度报告.xlsx`).catch(onError)}>
          下载 Excel
        </Button>
      </Space>
      </section>
    </Card>
  );
}
