import { nameBasedUuid, renderAtomFeed, xmlText } from './atom-feed';

describe('the Atom feed writer', () => {
  it('escapes markup characters and drops characters XML forbids', () => {
    expect(xmlText(`A & B <c> "d" 'e'`)).toBe('A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;');
    expect(xmlText('课后\u0000服务\u000b\ufffe')).toBe('课后服务');
    expect(xmlText('行\n\t末')).toBe('行\n\t末');
  });

  it('makes the same RFC 4122 version 5 UUID for the same name', () => {
    // The RFC's own example in the DNS namespace differs; this one is checked against Python's uuid.uuid5(NAMESPACE_URL, …).
    expect(nameBasedUuid('http://example.com/')).toBe('0a300ee9-f9e4-5697-a51a-efc7fafaba67');
    expect(nameBasedUuid('zwgk:public-feed')).toBe(nameBasedUuid('zwgk:public-feed'));
    expect(nameBasedUuid('zwgk:public-feed?area=x')).not.toBe(nameBasedUuid('zwgk:public-feed'));
  });

  it('writes the feed and entry elements Atom requires', () => {
    const xml = renderAtomFeed({
      id: 'urn:uuid:0a300ee9-f9e4-5697-a51a-efc7fafaba67',
      title: '政务公开专栏',
      updated: new Date('2026-03-01T00:00:00Z'),
      selfUrl: 'https://gk.example.gov.cn/api/public/feed.atom?area=a&category=b',
      alternateUrl: 'https://gk.example.gov.cn/public',
      author: '县人民政府',
      entries: [
        {
          id: 'urn:uuid:11111111-1111-4111-8111-111111111111',
          title: 'A & <B>',
          updated: new Date('2026-03-01T00:00:00Z'),
          published: new Date('2026-02-01T00:00:00Z'),
          url: 'https://gk.example.gov.cn/public/items/11111111-1111-4111-8111-111111111111',
          author: '县教育局',
          summary: '正文',
          categories: [{ term: '义务教育', label: '领域：义务教育' }],
        },
      ],
    });
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://gk.example.gov.cn/api/public/feed.atom?area=a&amp;category=b"/>');
    expect(xml).toContain('<title>A &amp; &lt;B&gt;</title>');
    expect(xml).toContain('<updated>2026-03-01T00:00:00.000Z</updated>');
    expect(xml).toContain('<published>2026-02-01T00:00:00.000Z</published>');
    expect(xml).toContain('<category term="义务教育" label="领域：义务教育"/>');
  });
});
