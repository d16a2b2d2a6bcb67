import { useState, type FormEvent } from 'react';
import { api, type Actor, type Session } from '../api';
import { describedBy, ErrorBanner, Field } from '../ui';

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

export function LoginScreen({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [username, setUsername] = useState('');
  const [error, setError] = useState<unknown>(null);
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
