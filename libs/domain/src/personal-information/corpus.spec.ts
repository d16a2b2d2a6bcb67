import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findPersonalInformation } from './detector';
import { PERSONAL_INFORMATION_KINDS, type PersonalInformationKind } from './masking';

/**
 * The detector's rates on the corpus of government texts in test/fixtures/personal-information: each file
 * marks what must be found as {{kind:value}}. Precision and recall per kind are printed and held to floors,
 * so a change that makes the detector noisier or blinder on real-looking texts fails here.
 */
const CORPUS = path.join(__dirname, '../../../../test/fixtures/personal-information');
const MARK = /\{\{([a-z-]+):([^}]+)\}\}/g;

interface Expected {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
}

function readSample(file: string): { text: string; expected: Expected[] } {
  const marked = readFileSync(path.join(CORPUS, file), 'utf8');
  const expected: Expected[] = [];
  let text = '';
  let last = 0;
  for (const match of marked.matchAll(MARK)) {
    text += marked.slice(last, match.index);
    expected.push({ kind: match[1]!, start: text.length, end: text.length + match[2]!.length });
    text += match[2];
    last = match.index + match[0].length;
  }
  return { text: text + marked.slice(last), expected };
}

const FLOORS: Readonly<Record<PersonalInformationKind, { precision: number; recall: number }>> = {
  'id-card': { precision: 1, recall: 1 },
  mobile: { precision: 1, recall: 1 },
  landline: { precision: 0.75, recall: 1 },
  'bank-card': { precision: 1, recall: 1 },
  email: { precision: 1, recall: 1 },
  passport: { precision: 1, recall: 1 },
  name: { precision: 0.85, recall: 0.9 },
};

describe('the detector on the corpus', () => {
  const files = readdirSync(CORPUS).filter((file) => file.endsWith('.txt')).sort();
  const tally = new Map<string, { truePositives: number; falsePositives: number; falseNegatives: number }>(PERSONAL_INFORMATION_KINDS.map((kind) => [kind, { truePositives: 0, falsePositives: 0, falseNegatives: 0 }]));
  const mistakes: string[] = [];
  for (const file of files) {
    const { text, expected } = readSample(file);
    const found = findPersonalInformation(text);
    const same = (a: Expected, b: Expected) => a.kind === b.kind && a.start === b.start && a.end === b.end;
    for (const match of found) {
      const counts = tally.get(match.kind)!;
      if (expected.some((want) => same(want, match))) counts.truePositives++;
      else {
        counts.falsePositives++;
        mistakes.push(`${file}: found ${match.kind} "${match.value}" that is not marked`);
      }
    }
    for (const want of expected) {
      if (found.some((match) => same(want, match))) continue;
      tally.get(want.kind)!.falseNegatives++;
      mistakes.push(`${file}: missed ${want.kind} "${text.slice(want.start, want.end)}"`);
    }
  }
  const rates = PERSONAL_INFORMATION_KINDS.map((kind) => {
    const { truePositives, falsePositives, falseNegatives } = tally.get(kind)!;
    return { kind, truePositives, falsePositives, falseNegatives, precision: truePositives / Math.max(1, truePositives + falsePositives), recall: truePositives / Math.max(1, truePositives + falseNegatives) };
  });

  it('reads a corpus with samples of every kind and texts with none', () => {
    // Printed for the record: the rates the feature notes quote come from this table.
    console.log(`${rates.map((rate) => `${rate.kind.padEnd(10)} precision ${rate.precision.toFixed(2)} recall ${rate.recall.toFixed(2)} (tp ${rate.truePositives}, fp ${rate.falsePositives}, fn ${rate.falseNegatives})`).join('\n')}\n${mistakes.join('\n')}`);
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const rate of rates) expect(rate.truePositives + rate.falseNegatives).toBeGreaterThanOrEqual(2);
  });

  it.each(PERSONAL_INFORMATION_KINDS)('keeps %s above its floors', (kind) => {
    const rate = rates.find((candidate) => candidate.kind === kind)!;
    expect({ kind, precision: rate.precision >= FLOORS[kind].precision, recall: rate.recall >= FLOORS[kind].recall }).toEqual({ kind, precision: true, recall: true });
  });
});
