import { GOVERNMENT_WEBSITE_CHANNEL } from './catalog-item';

/**
 * How the engine releases on a catalog channel (公开渠道和载体):
 * - `website`: 政府网站, the project's own public portal;
 * - `new-media`: 政务新媒体 (两微一端, 微信, 微博…), pushed to the new-media platform's webhook;
 * - `gazette`: 政府公报, an export file for the gazette's editors;
 * - `notice-board`: 公示栏 (社区/村公示栏, 电子屏), a printable notice;
 * - `manual`: every other channel (广播电视, 纸质媒体, 公开查阅点…): a person publishes it, the ledger says so.
 */
export type ChannelKind = 'website' | 'new-media' | 'gazette' | 'notice-board' | 'manual';

export const CHANNEL_KINDS: readonly ChannelKind[] = ['website', 'new-media', 'gazette', 'notice-board', 'manual'];

export const CHANNEL_KIND_LABELS: Readonly<Record<ChannelKind, string>> = {
  website: '政府网站',
  'new-media': '政务新媒体',
  gazette: '政府公报',
  'notice-board': '公示栏',
  manual: '人工发布',
};

// Order matters: the first pattern that matches wins, so the specific carriers come before broad words.
const KIND_PATTERNS: readonly [RegExp, ChannelKind][] = [
  [/政府(门户)?网站|^门户网站$/, 'website'],
  [/两微一端|新媒体|微信|微博|公众号|视频号|抖音|头条号|客户端|移动端|APP/i, 'new-media'],
  [/公报/, 'gazette'],
  [/公示栏|公告栏|公开栏|宣传栏|电子屏|电子显示屏/, 'notice-board'],
];

/** Full-width brackets and spaces as published catalogs write them, folded so that one pattern fits both. */
function normalizeChannelName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').trim();
}

/** The kind of a catalog channel name. Unknown and "其他" channels are `manual`, never silently dropped. */
export function channelKindOf(channel: string): ChannelKind {
  const name = normalizeChannelName(channel);
  return KIND_PATTERNS.find(([pattern]) => pattern.test(name))?.[1] ?? 'manual';
}

/** True when the engine itself can release on channels of this kind (given the adapter is configured). */
export function isAutomaticChannelKind(kind: ChannelKind): boolean {
  return kind !== 'manual';
}

/**
 * The channels to release an item on, in order: the government website first (it is the first and
 * mandatory channel, so it is added when the item does not name it), then the item's other channels
 * once each. Other names for the website (门户网站) are the same publication, so they are dropped.
 */
export function releaseChannelsOf(channels: readonly string[]): string[] {
  const ordered = [GOVERNMENT_WEBSITE_CHANNEL];
  for (const raw of channels) {
    const channel = raw.trim();
    if (!channel || ordered.includes(channel) || channelKindOf(channel) === 'website') continue;
    ordered.push(channel);
  }
  return ordered;
}

/**
 * The channels among `chosen` a drafter may not pick for an item: a channel is known when the catalog item
 * lists it, or when the engine releases on its kind itself (政府网站, 政务新媒体, 政府公报, 公示栏). Anything
 * else (a typo, free text) would end up in the release ledger as a manual channel nobody publishes on.
 */
export function unknownChannels(chosen: readonly string[], catalogChannels: readonly string[]): string[] {
  const listed = new Set(catalogChannels.map(normalizeChannelName));
  return chosen.filter((channel) => !listed.has(normalizeChannelName(channel)) && channelKindOf(channel) === 'manual');
}
