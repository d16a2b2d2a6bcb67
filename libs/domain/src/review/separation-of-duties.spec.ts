import { separationOfDutiesRefusal } from './separation-of-duties';
import type { ReviewStage } from './review-chain';

describe('separation of duties in the review of one revision', () => {
  const none = new Map<string, ReviewStage>();

  it('refuses the drafter every stage, even with no decision yet', () => {
    expect(separationOfDutiesRefusal({ username: 'edu.drafter', drafterUsername: 'edu.drafter', stageDeciders: none })).toMatch(/起草人/);
  });

  it('refuses someone who has already approved another stage of this revision', () => {
    const deciders = new Map<string, ReviewStage>([['edu.head', 'preliminary-review']]);
    expect(separationOfDutiesRefusal({ username: 'edu.head', drafterUsername: 'edu.drafter', stageDeciders: deciders })).toBe(
      '四眼原则：您已办理本次修订的初审，同一修订的其他审核环节须由他人办理',
    );
  });

  it('lets anyone else decide', () => {
    const deciders = new Map<string, ReviewStage>([['edu.head', 'preliminary-review']]);
    expect(separationOfDutiesRefusal({ username: 'edu.secrecy', drafterUsername: 'edu.drafter', stageDeciders: deciders })).toBeUndefined();
    expect(separationOfDutiesRefusal({ username: 'edu.head', drafterUsername: 'edu.drafter', stageDeciders: none })).toBeUndefined();
  });
});
