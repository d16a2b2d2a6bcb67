import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, loadAuthConfig, type Actor, type AuthConfig, type Session } from '../api';
import { beginOidcLogin, completeOidcLogin, oidcReturnParams, type OidcLoginConfig } from '../oidc';
import { describedBy, ErrorBanner, Field, Loading } from '../ui';

// The demo users of libs/db/src/seed/demo-seed.ts (embedded mode only). Copied rather than imported:
// the browser bundle must not pull in the database library.
const DEMO_USERS: { username: string; displayName: string; role: string }[] = [
  { username: 'edu.drafter', displayName: '王起草（教育局）', role: '起草人' },
  { username: 'edu.reviewer', displayName: '李初审（教育局）', role: '初审' },
  { username: 'edu.secrecy', displayName: '赵保密（教育局）', role: '保密审查' },
  { username: 'edu.secrecy2', displayName: '刘保密（教育局）', role: '保密审查' },
  { username: 'edu.legal', displayName: '钱法审（教育局）', role: '合法性审查' },
  { username: 'edu.leader', displayName: '孙局长（教育局）', role: '签发' },
  { username: 'civil.drafter', displayName: '周起草（民政局）', role: '起草人' },
  { username: 'civil.secrecy', displayName: '吴保密（民政局）', role: '保密审查' },
  { username: 'civil.leader', displayName: '郑局长（民政局）', role: '签发' },
  { username: 'office.publisher', displayName: '冯公开（政务公开办）', role: '政务公开办' },
  { username: 'office.supervisor', displayName: '陈督查（政务公开办）', role: '督查' },
  { username: 'admin', displayName: '系统管理员', role: '系统管理员' },
];

/**
 * Staff sign-in. The API says which kind (`GET /api/auth/config`): in production, 统一身份认证 (OIDC, with the
 * browser sent to the issuer and back with `?code=&state=`); in the embedded mode, the demo users.
 */
export function LoginScreen({ onSignedIn, notice }: { onSignedIn: (session: Session) => void; notice?: string | null }) {
  const [config, setConfig] = useState<AuthConfig | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    loadAuthConfig().then(setConfig, (caught: unknown) => {
      setError(caught);
      setConfig({ mode: 'dev' });
    });
  }, []);
  if (!config) return <Loading />;
  return config.mode === 'oidc' ? (
    <OidcLogin config={config} onSignedIn={onSignedIn} notice={notice} />
  ) : (
    <DevLogin onSignedIn={onSignedIn} notice={notice} configError={error} />
  );
}

function SessionNotice({ notice }: { notice?: string | null }) {
  return notice ? (
    <div className="banner banner-warning" role="status">
      {notice}
    </div>
  ) : null;
}

/** 统一身份认证登录: one button to the issuer; on the way back, the code is exchanged and the user checked by the API. */
function OidcLogin({ config, onSignedIn, notice }: { config: OidcLoginConfig; onSignedIn: (session: Session) => void; notice?: string | null }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'leaving' | 'returning' | null>(() => (oidcReturnParams() ? 'returning' : null));
  const started = useRef(false);

  useEffect(() => {
    const params = oidcReturnParams();
    // Once only: a code can be exchanged once, and StrictMode runs effects twice in development.
    if (!params || started.current) return;
    started.current = true;
    void (async () => {
      try {
        const { token } = await completeOidcLogin(config, params);
        // /auth/me also provisions the user from the token's claims; an unknown department is refused here (403).
        const actor = await api<Actor>('GET', '/auth/me', undefined, { authorization: `Bearer ${token}` });
        onSignedIn({ token, actor });
      } catch (caught) {
        setError(caught);
        setBusy(null);
      }
    })();
  }, [config, onSignedIn]);

  const signIn = async () => {
    setBusy('leaving');
    setError(null);
    try {
      await beginOidcLogin(config);
    } catch (caught) {
      setError(caught);
      setBusy(null);
    }
  };

  return (
    <section className="page narrow" aria-labelledby="login-title">
      <h1 id="login-title">工作人员登录</h1>
      <p className="lead">请使用县统一身份认证平台的账号登录。登录后按您在统一身份认证中的部门和岗位开通相应权限。</p>
      <SessionNotice notice={notice} />
      <ErrorBanner error={error} />
      <div className="card oidc-login">
        {busy === 'returning' ? (
          <p role="status">正在完成统一身份认证登录…</p>
        ) : (
          <>
            <button type="button" className="button button-primary button-large" onClick={() => void signIn()} disabled={busy !== null}>
              统一身份认证登录
            </button>
            <p className="muted" aria-live="polite">
              {busy === 'leaving' ? '正在前往统一身份认证平台…' : `认证服务：${new URL(config.issuer).host}`}
            </p>
          </>
        )}
      </div>
    </section>
  );
}

function DevLogin({ onSignedIn, notice, configError }: { onSignedIn: (session: Session) => void; notice?: string | null; configError: unknown }) {
  const [username, setUsername] = useState('');
  const [error, setError] = useState<unknown>(configError);
  const [busy, setBusy] = useState(false);

  const signIn = async (name: string) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await api<{ accessToken: string; actor: Actor }>('POST', '/auth/dev-login', { username: name.trim() });
      onSignedIn({ token: answer.accessToken, actor: answer.actor });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim()) {
      setError(new Error('请输入用户名。'));
      return;
    }
    void signIn(username);
  };
  const usernameError = error instanceof Error && error.message === '请输入用户名。' ? error.message : undefined;

  return (
    <section className="page narrow" aria-labelledby="login-title">
      <h1 id="login-title">工作人员登录</h1>
      <p className="lead">演示环境：选择一位演示用户即可登录。正式环境通过统一身份认证（OIDC）登录。</p>
      <SessionNotice notice={notice} />
      {usernameError ? null : <ErrorBanner error={error} />}
      <form className="card" onSubmit={onSubmit} noValidate>
        <Field id="username" label="用户名" error={usernameError} required>
          <input id="username" name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} {...describedBy('username', usernameError)} />
        </Field>
        <button type="submit" className="button button-primary" disabled={busy}>
          登录
        </button>
      </form>
      <h2>演示用户</h2>
      <ul className="user-grid">
        {DEMO_USERS.map((user) => (
          <li key={user.username}>
            <button type="button" className="user-card" disabled={busy} onClick={() => void signIn(user.username)} data-username={user.username}>
              <span className="user-name">{user.displayName}</span>
              <span className="user-meta">
                {user.role} · <code>{user.username}</code>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
