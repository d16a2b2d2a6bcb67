import { createHash } from 'node:crypto';

/** An Atom 1.0 feed (RFC 4287), as the portal publishes it. */
export interface AtomFeed {
  readonly id: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly updated: Date;
  readonly selfUrl: string;
  readonly alternateUrl: string;
  readonly author: string;
  readonly entries: readonly AtomEntry[];
}

export interface AtomEntry {
  readonly id: string;
  readonly title: string;
  readonly updated: Date;
  readonly published: Date;
  readonly url: string;
  readonly author: string;
  readonly summary: string;
  readonly categories: readonly { term: string; label?: string }[];
}

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

// Characters XML 1.0 does not allow at all (C0 controls other than tab, line feed, carriage return; lone surrogates; U+FFFE/U+FFFF).
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/gu;

/** Text for element content and attribute values: markup characters escaped, characters XML forbids dropped. */
export function xmlText(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * A name-based UUID (RFC 4122 version 5, SHA-1) under the URL namespace: the same name always gives the same
 * id, so a feed's `urn:uuid:` stays put across restarts and replicas without being stored anywhere.
 */
export function nameBasedUuid(name: string): string {
  const urlNamespace = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');
  const bytes = createHash('sha1').update(urlNamespace).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function element(name: string, text: string, attributes = ''): string {
  return `<${name}${attributes}>${xmlText(text)}</${name}>`;
}

export function renderAtomFeed(feed: AtomFeed): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  ${element('id', feed.id)}`,
    `  ${element('title', feed.title)}`,
    ...(feed.subtitle ? [`  ${element('subtitle', feed.subtitle)}`] : []),
    `  ${element('updated', feed.updated.toISOString())}`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(feed.alternateUrl)}"/>`,
    `  <author>${element('name', feed.author)}</author>`,
    ...feed.entries.flatMap((entry) => [
      '  <entry>',
      `    ${element('id', entry.id)}`,
      `    ${element('title', entry.title)}`,
      `    ${element('updated', entry.updated.toISOString())}`,
      `    ${element('published', entry.published.toISOString())}`,
      `    <link rel="alternate" type="text/html" href="${xmlText(entry.url)}"/>`,
      `    <author>${element('name', entry.author)}</author>`,
      `    ${element('summary', entry.summary, ' type="text"')}`,
      ...entry.categories.map((category) => `    <category term="${xmlText(category.term)}"${category.label ? ` label="${xmlText(category.label)}"` : ''}/>`),
      '  </entry>',
    ]),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}
