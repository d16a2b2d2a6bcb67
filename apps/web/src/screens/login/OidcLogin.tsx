import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Button } from 'tdesign-react';
import type { Actor, Session } from '../../api';
import { apiClient, dataOf } from '../../openapi/client';
import { beginOidcLogin, completeOidcLogin, oidcReturnParams, type OidcLoginConfig } from '../../oidc';
import { ErrorBanner } from '../../ui';
import { SessionNotice } from './SessionNotice';

/** Back from the issuer: the code exchanged for a token, and the user checked (and provisioned) by the API. */
async function completeSignIn(config: OidcLoginConfig, params: URLSearchParams): Promise<Session> {
  const { token } = await completeOidcLogin(config, params);
  // /auth/me also provisions the user from the token's claims; an unknown department is refused here (403).
  const actor = await dataOf<Actor>(apiClient.GET('/api/auth/me', { headers: { authorization: `Bearer ${token}` } }));
  return { token, actor };
}

/** 统一身份认证登录: one button to the issuer; on the way back, the code is exchanged and the user checked by the API. */
export function OidcLogin({ config, onSignedIn, notice }: { config: OidcLoginConfig; onSignedIn: (session: Session) => void; notice?: string | null | undefined }) {
  const returning = useMutation({ mutationFn: (params: URLSearchParams) => completeSignIn(config, params), onSuccess: onSignedIn });
  const leaving = useMutation({ mutationFn: () => beginOidcLogin(config) });
  const started = useRef(false);
  useEffect(() => {
    const params = oidcReturnParams();
    // Once only: a code can be exchanged once, and StrictMode runs effects twice in development.
    if (!params || started.current) return;
    started.current = true;
    returning.mutate(params);
  }, [returning]);

  const exchanging = returning.isPending || (!!oidcReturnParams() && returning.isIdle);
  return (
    <section className="page narrow" aria-labelledby="login-title">
      <h1 id="login-title">工作人员登录</h1>
      <p className="lead">请使用县统一身份认证平台的账号登录。登录后按您在统一身份认证中的部门和岗位开通相应权限。</p>
      <SessionNotice notice={notice} />
      <ErrorBanner error={returning.error ?? leaving.error} />
      <div className="card oidc-login">
        {exchanging ? (
          <p role="status">正在完成统一身份认证登录…</p>
        ) : (
          <>
            <Button theme="primary" size="large" onClick={() => leaving.mutate()} disabled={leaving.isPending || leaving.isSuccess}>
              统一身份认证登录
            </Button>
            <p className="muted" aria-live="polite">
              {leaving.isPending || leaving.isSuccess ? '正在前往统一身份认证平台…' : `认证服务：${new URL(config.issuer).host}`}
            </p>
          </>
        )}
      </div>
    </section>
  );
}
