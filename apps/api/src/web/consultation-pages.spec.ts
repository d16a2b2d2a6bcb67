import { consultationsPath, renderConsultationListMain, renderConsultationMain, type ConsultationPageView } from './consultation-pages';

const consultation: ConsultationPageView = {
  id: 'c-1',
  title: '<i>停车收费</i>办法',
  kindLabel: '其他',
  departmentName: '县交通局',
  openedAt: '2026-03-02T02:00:00Z',
  closesOn: '2026-04-01',
  daysLeft: 0,
  stateLabel: '已公布采纳情况',
  commentCount: 1,
  draftText: '第一条 <script>x</script>',
  explanation: '说明',
  shortenedReason: null,
  comments: [{ id: 'm-1', clause: '第五条', content: '建议<免费>', authorName: null, receivedAt: '2026-03-05T02:00:00Z', adoptionLabel: '采纳', adoptionReason: '合理' }],
  feedback: { itemId: 'i-9', publishedAt: '2026-04-10T02:00:00Z', summary: '采纳1条' },
  decision: null,
};

describe('consultation pages', () => {
  it('renders a closed consultation with its opinions, their adoption and the feedback, escaped', () => {
    const main = renderConsultationMain(consultation);
    expect(main).toContain('<h1 id="consultation-title" class="article-title">&lt;i&gt;停车收费&lt;/i&gt;办法</h1>');
    expect(main).toContain('第一条 &lt;script&gt;x&lt;/script&gt;');
    expect(main).toContain('征集期 2026年3月2日 至 2026年4月1日');
    expect(main).toContain('<strong>【第五条】</strong>建议&lt;免费&gt;');
    expect(main).toContain('匿名 · 2026年3月5日');
    expect(main).toContain('<span class="badge">采纳</span>理由：合理');
    expect(main).toContain('<a href="/public/items/i-9">查看采纳情况说明全文</a>');
    expect(main).toContain('意见征集已结束（已公布采纳情况）');
    expect(main).not.toContain('<noscript>');
  });

  it('lists consultations with the status tabs as links', () => {
    const main = renderConsultationListMain('closed', [consultation]);
    expect(main).toContain('<a href="/public/consultations/c-1" class="public-title">&lt;i&gt;停车收费&lt;/i&gt;办法</a>');
    expect(main).toContain('<a href="/public/consultations?status=closed" class="button button-primary" aria-current="page">已结束</a>');
    expect(renderConsultationListMain('open', [])).toContain('目前没有正在征集意见的文件。');
    expect(consultationsPath('open')).toBe('/public/consultations');
  });
});
