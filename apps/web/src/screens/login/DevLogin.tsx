import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, Input } from 'tdesign-react';
import type { Session } from '../../api';
import { apiClient, bodyOf } from '../../openapi/client';
import { ErrorBanner } from '../../ui';
import { Labelled } from '../labelled-control';
import { DEMO_USERS } from './demo-users';
import { SessionNotice } from './SessionNotice';

/** The embedded mode's sign-in: a user name, or one click on a demo user. */
export function DevLogin({ onSignedIn, notice, configError }: { onSignedIn: (session: Session) => void; notice?: string | null | undefined; configError: unknown }) {
  const [username, setUsername] = useState('');
  const [missing, setMissing] = useState(false);
  const login = useMutation({
    mutationFn: (name: string) => bodyOf(apiClient.POST('/api/auth/dev-login', { body: { username: name.trim() } })),
    onSuccess: (answer) => onSignedIn({ token: answer.accessToken, actor: answer.actor }),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim()) return setMissing(true);
    login.mutate(username);
  };
  const usernameError = missing ? '请输入用户名。' : undefined;

  return (
    <section className="page narrow" aria-labelledby="login-title">
      <h1 id="login-title">工作人员登录</h1>
      <p className="lead">演示环境：选择一位演示用户即可登录。正式环境通过统一身份认证（OIDC）登录。</p>
      <SessionNotice notice={notice} />
      <ErrorBanner error={login.error ?? configError} />
      <form className="card" onSubmit={onSubmit} noValidate>
        <div className="labelled-control">
          <label htmlFor="username" className="control-label">
            用户名<span className="required" aria-hidden="true"> *</span>
          </label>
          <Labelled id="username" {...(usernameError ? { describedBy: 'username-error' } : {})}>
            <Input
              name="username"
              autocomplete="username"
              value={username}
              status={usernameError ? 'error' : 'default'}
              onChange={(value) => {
                setUsername(String(value));
                setMissing(false);
              }}
            />
          </Labelled>
          {usernameError ? (
            <p className="field-error" id="username-error" role="alert">
              {usernameError}
            </p>
          ) : null}
        </div>
        <Button type="submit" theme="primary" loading={login.isPending}>
          登录
        </Button>
      </form>
      <h2>演示用户</h2>
      <ul className="user-grid">
        {DEMO_USERS.map((user) => (
          <li key={user.username}>
            <button type="button" className="user-card" disabled={login.isPending} onClick={() => login.mutate(user.username)} data-username={user.username}>
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
