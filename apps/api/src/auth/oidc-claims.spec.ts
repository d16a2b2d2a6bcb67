import { identityFromClaims, MissingClaimError, type OidcClaimSettings } from './oidc-claims';

const defaults: OidcClaimSettings = { claims: { username: 'preferred_username', department: 'department', roles: 'roles', name: 'name' }, roleMap: {} };

describe('identityFromClaims', () => {
  it('takes the default claims, keeps our roles and sets the others aside', () => {
    expect(identityFromClaims({ sub: 'u-1', preferred_username: 'zhang.san', name: '张三', department: 'edu', roles: ['leader', 'secrecy-reviewer', 'wiki-editor'] }, defaults)).toEqual({
      username: 'zhang.san',
      displayName: '张三',
      departmentCode: 'edu',
      roles: ['leader', 'secrecy-reviewer'],
      ignoredRoles: ['wiki-editor'],
    });
  });

  it('reads configured and nested claim names and maps IdP group names to roles', () => {
    const settings: OidcClaimSettings = {
      claims: { username: 'uid', department: 'org.unit', roles: 'realm_access.roles', name: 'cn' },
      roleMap: { 'gov-head': ['reviewer', 'leader'], 'gov-secrecy': ['secrecy-reviewer'] },
    };
    // With a map, only mapped names count: the IdP's own `admin` group grants nothing here.
    const identity = identityFromClaims({ sub: 's', uid: 'li.si', cn: '李四', org: { unit: ['civil'] }, realm_access: { roles: ['gov-head', 'gov-secrecy', 'offline_access', 'admin'] } }, settings);
    expect(identity).toEqual({ username: 'li.si', displayName: '李四', departmentCode: 'civil', roles: ['leader', 'reviewer', 'secrecy-reviewer'], ignoredRoles: ['offline_access', 'admin'] });
  });

  it('accepts roles as one space- or comma-separated string, and falls back to sub and the username', () => {
    expect(identityFromClaims({ sub: 'wang.wu', department: 'office', roles: 'supervisor,admin drafter' }, defaults)).toMatchObject({
      username: 'wang.wu',
      displayName: 'wang.wu',
      roles: ['admin', 'drafter', 'supervisor'],
    });
  });

  it.each([
    [{ department: 'edu' }, 'preferred_username'],
    [{ sub: 'x' }, 'department'],
    [{ sub: 'x', department: ['edu', 'civil'] }, 'department'],
    [{ sub: 'x', department: '  ' }, 'department'],
    [{ preferred_username: 'x'.repeat(101), department: 'edu' }, 'preferred_username'],
  ])('names the missing claim: %p', (payload, claim) => {
    expect(() => identityFromClaims(payload, defaults)).toThrow(MissingClaimError);
    expect(() => identityFromClaims(payload, defaults)).toThrow(new RegExp(`登录令牌的 ${claim} 声明`));
  });
});
