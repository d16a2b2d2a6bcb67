import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate, useParams } from 'react-router';
import { loadSession, onSessionExpired, saveSession, type Session } from './api';
import { endOidcSession, oidcReturnParams, tokenExpiresAt, watchOidcRenewal } from './oidc';
import { legacyHashTarget } from './router';
import { homeOf, mayOpen, ROUTES, type PublicRoute, type StaffRoute } from './routes';
import { authConfigQuery } from './screens/login/auth-config';
import { LoginScreen } from './screens/login/LoginScreen';
import { SiteHeader } from './SiteHeader';

/** A portal screen with its path parameters. */
function PublicPage({ route }: { route: PublicRoute }) {
  const params = useParams();
  const Screen = route.screen;
  return <Screen params={params} />;
}

/** A staff screen: the login screen when signed out, the user's home when the route is not for their roles. */
function StaffPage({ route, session, login }: { route: StaffRoute; session: Session | null; login: ReactNode }) {
  const params = useParams();
  if (!session) return login;
  if (!mayOpen(session, route.roles)) return <Navigate to={homeOf(session)} replace />;
  const Screen = route.screen;
  return <Screen params={params} session={session} />;
}

export function App() {
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const main = useRef<HTMLElement>(null);
  const section = location.pathname.split('/')[1] ?? '';
  const isPublic = section === 'public';

  // A new screen starts at the top, with focus on its content, so keyboard and screen-reader users start there
  // too. Not on the first page of a visit: there the first Tab reaches the skip link, as on any website.
  const shownPath = useRef(location.pathname);
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    window.scrollTo(0, 0);
    main.current?.focus();
  }, [location.pathname]);

  const signIn = (next: Session) => {
    saveSession(next);
    setSession(next);
    navigate(homeOf(next));
  };
  const signOut = () => {
    saveSession(null);
    setSession(null);
    navigate('/login');
    // Signed in through the issuer: sign out there too (the browser goes to its end_session_endpoint and back).
    void queryClient.fetchQuery(authConfigQuery).then((config) => (config.mode === 'oidc' ? endOidcSession(config) : undefined)).catch(() => undefined);
  };

  // OIDC silent renew: a renewed token replaces the session's (and so re-arms the expiry timer below).
  const signedIn = session !== null;
  const { data: authConfig } = useQuery({ ...authConfigQuery, enabled: signedIn });
  useEffect(() => {
    if (!signedIn || authConfig?.mode !== 'oidc') return undefined;
    return watchOidcRenewal(authConfig, (token) =>
      setSession((current) => {
        if (!current || current.token === token) return current;
        const next = { ...current, token };
        saveSession(next);
        return next;
      }),
    );
  }, [signedIn, authConfig]);

  // An expired token sends the user back to the login screen, saying why: when its exp passes, or at the
  // first 401 of a signed-in request (a token revoked or cut short by the issuer).
  const [sessionNotice, setSessionNotice] = useState<string | null>(null);
  useEffect(() => {
    if (!session) return undefined;
    const expire = () => {
      setSessionNotice('登录已过期，请重新登录。');
      saveSession(null);
      setSession(null);
      navigate('/login');
    };
    onSessionExpired(expire);
    const expiresAt = tokenExpiresAt(session.token);
    const timer = expiresAt === null ? undefined : setTimeout(expire, Math.max(0, Math.min(expiresAt - Date.now(), 2 ** 31 - 1)));
    return () => {
      onSessionExpired(null);
      if (timer) clearTimeout(timer);
    };
  }, [session]);

  const login = <LoginScreen onSignedIn={(next) => { setSessionNotice(null); signIn(next); }} notice={sessionNotice} />;
  // Old bookmarks and notices carry hash routes (/#/public/items/<id>): they move to their history URL.
  const legacyTarget = legacyHashTarget(location.hash);
  const content = legacyTarget ? (
    <Navigate to={legacyTarget} replace />
  ) : oidcReturnParams() ? (
    login
  ) : (
    <Suspense fallback={<p className="muted" role="status">正在加载…</p>}>
      <Routes>
        {ROUTES.map((route) =>
          'public' in route ? (
            <Route key={route.path} path={route.path} element={<PublicPage route={route} />} />
          ) : (
            <Route key={route.path} path={route.path} element={<StaffPage route={route} session={session} login={login} />} />
          ),
        )}
        <Route path="/login" element={session ? <Navigate to={homeOf(session)} replace /> : login} />
        <Route path="*" element={session ? <Navigate to={homeOf(session)} replace /> : login} />
      </Routes>
    </Suspense>
  );

  return (
    <>
      <a className="skip-link" href="#main" onClick={(event) => { event.preventDefault(); main.current?.focus(); }}>
        跳到主要内容
      </a>
      <SiteHeader session={session} isPublic={isPublic} onSignOut={signOut} />
      <main id="main" ref={main} tabIndex={-1}>
        {content}
      </main>
      <footer className="site-footer">
        <p>县人民政府办公室 主办 · 县政务公开办公室 承办</p>
        <p>依据《中华人民共和国政府信息公开条例》公开</p>
      </footer>
    </>
  );
}
