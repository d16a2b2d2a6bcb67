import { parseChosenChannels } from './catalog-sheet';
import { GOVERNMENT_WEBSITE_CHANNEL } from './catalog-item';
import { channelKindOf, releaseChannelsOf, type ChannelKind } from './channel-kind';

describe('channelKindOf', () => {
  it.each<[string, ChannelKind]>([
    // The check-box names of the published catalogs (data/catalogs).
    ['政府网站', 'website'],
    ['政府公报', 'gazette'],
    ['两微一端', 'new-media'],
    ['发布会/听证会', 'manual'],
    ['广播电视', 'manual'],
    ['纸质媒体', 'manual'],
    ['公开查阅点', 'manual'],
    ['政务服务中心', 'manual'],
    ['便民服务站', 'manual'],
    ['入户/现场', 'manual'],
    ['社区/企事业单位/村公示栏（电子屏）', 'notice-board'],
    ['精准推送', 'manual'],
    ['其他', 'manual'],
    ['投资项目在线审批监管平台', 'manual'],
    // Names other catalogs use for the same carriers.
    ['政府门户网站', 'website'],
    ['门户网站', 'website'],
    ['政务新媒体', 'new-media'],
    ['政务微信', 'new-media'],
    ['政务微博', 'new-media'],
    ['微信公众号', 'new-media'],
    ['政务服务APP', 'new-media'],
    ['公示栏', 'notice-board'],
    ['村务公开栏', 'notice-board'],
    ['电子显示屏', 'notice-board'],
    ['区政府公报', 'gazette'],
  ])('%s → %s', (channel, kind) => {
    expect(channelKindOf(channel)).toBe(kind);
  });

  it('folds full-width characters and spaces before matching', () => {
    expect(channelKindOf(' 政府 网站 ')).toBe('website');
    expect(channelKindOf('政务ＡＰＰ')).toBe('new-media');
    expect(channelKindOf('村公示栏(电子屏)')).toBe('notice-board');
  });

  it('gives every channel of a real catalog row a kind, unknown ones manual', () => {
    const row = '■政府网站■政府公报■两微一端□发布会/听证会■广播电视■社区/企事业单位/村公示栏（电子屏）■其他（投资项目在线审批监管平台）';
    expect(parseChosenChannels(row).map(channelKindOf)).toEqual(['website', 'gazette', 'new-media', 'manual', 'notice-board', 'manual']);
  });
});

describe('releaseChannelsOf', () => {
  it('puts the government website first and names each other channel once', () => {
    expect(releaseChannelsOf(['两微一端', '政府公报', GOVERNMENT_WEBSITE_CHANNEL, '两微一端', ' 政府公报 '])).toEqual([
      GOVERNMENT_WEBSITE_CHANNEL,
      '两微一端',
      '政府公报',
    ]);
  });

  it('adds the website when the item does not name it, and folds its aliases into it', () => {
    expect(releaseChannelsOf(['公示栏', '门户网站', ''])).toEqual([GOVERNMENT_WEBSITE_CHANNEL, '公示栏']);
    expect(releaseChannelsOf([])).toEqual([GOVERNMENT_WEBSITE_CHANNEL]);
  });
});
