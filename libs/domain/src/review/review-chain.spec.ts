import fc from 'fast-check';
import { DEFAULT_REVIEW_CHAIN, REVIEW_STAGES, reviewChainFor, reviewChainProblems, type ReviewStage } from './review-chain';

describe('review chains', () => {
  it('default to 初审 → 保密审查 → 签发, with 合法性审查 only for normative documents', () => {
    expect(reviewChainFor(undefined, false)).toEqual(['preliminary-review', 'confidentiality-review', 'sign-off']);
    expect(reviewChainFor(undefined, true)).toEqual(DEFAULT_REVIEW_CHAIN);
  });

  it('follow a valid configuration, and add 合法性审查 for a normative document even when it is not configured', () => {
    expect(reviewChainFor(['confidentiality-review', 'sign-off'], false)).toEqual(['confidentiality-review', 'sign-off']);
    expect(reviewChainFor(['confidentiality-review', 'sign-off'], true)).toEqual(['confidentiality-review', 'legality-review', 'sign-off']);
  });

  it('refuse configurations without 保密审查, without 签发 last, out of order or repeated', () => {
    expect(reviewChainProblems(['preliminary-review', 'sign-off'])).toEqual(['保密审查 (confidentiality-review) can never be left out']);
    expect(reviewChainProblems(['confidentiality-review'])).toEqual(['签发 (sign-off) must be the last stage']);
    expect(reviewChainProblems(['confidentiality-review', 'preliminary-review', 'sign-off'])).toEqual([expect.stringMatching(/order/)]);
    expect(reviewChainProblems(['confidentiality-review', 'confidentiality-review', 'sign-off'])).toContain('a stage appears twice');
    expect(reviewChainProblems(['publish-now', 'sign-off'])).toContain('unknown stages: publish-now');
  });

  it('never produce a chain without 保密审查, whatever is configured', () => {
    fc.assert(
      fc.property(fc.subarray([...REVIEW_STAGES] as ReviewStage[]), fc.boolean(), (configured, normative) => {
        const chain = reviewChainFor(configured, normative);
        expect(chain).toContain('confidentiality-review');
        expect(chain[chain.length - 1]).toBe('sign-off');
        expect(chain.includes('legality-review')).toBe(normative);
        expect(reviewChainProblems(chain)).toEqual([]);
      }),
    );
  });
});
