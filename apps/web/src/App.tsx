import { useEffect, useRef, useState } from 'react';
import { loadSession, onSessionExpired, saveSession, type Session } from './api';
import { ROLE_LABELS } from './format';
import { oidcReturnParams, tokenExpiresAt } from './oidc';
import { navigate, useRoute } from './router';
import { DemandScreen } from './screens/DemandScreen';
import { DraftScreen } from './screens/DraftScreen';
import { InboxScreen } from './screens/InboxScreen';
import { ItemScreen, MyItemsScreen } from './screens/ItemScreens';
import { LoginScreen } from './screens/LoginScreen';
import { PortalItemScreen, PortalScreen } from './screens/PortalScreens';
import { ReviewScreen } from './screens/ReviewScreen';
import { SupervisionScreen } from './screens/SupervisionScreen';
import { OrganisationScreen } from './screens/OrganisationScreen';
import { AnnualReportScreen, AssessmentScreen } from './screens/ReportScreens';
import { ApplicationsScreen } from './screens/applications/ApplicationsScreen';
import { PortalApplicationScreen } from './screens/applications/PortalApplicationScreen';

/** Who may read the annual report and the assessment (the API's own rule). */
const REPORT_ROLES = ['supervisor', 'admin', 'disclosure-office'];
const REVIEW_ROLES = ['reviewer', 'secrecy-reviewer', 'legal-reviewer', 'leader', 'disclosure-office'];

/** The staff home for each user: the inbox for reviewers, drafting for drafters, the overdue list for supervisors. */
function homeOf(session: Session): string {
  const roles = session.actor.roles;
  if (roles.some((role) => REVIEW_ROLES.includes(role))) return '/inbox';
  if (roles.includes('drafter')) return '/items';
  if (roles.includes('supervisor') || roles.includes('admin')) return '/supervision';
  return '/public';
}

/** Sends an unknown route to the user's home, after render (navigating while rendering would be a side effect). */
function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to), [to]);
  return null;
}

export function App() {
  const route = useRoute();
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const main = useRef<HTMLElement>(null);
  const [section, ...rest] = route;
  const isPublic = section === 'public';

  // A new screen moves focus to its content, so keyboard and screen-reader users start at the top of it.
  useEffect(() => {
    main.current?.focus();
  }, [route.join('/')]);

  const signIn = (next: Session) => {
    saveSession(next);
    setSession(next);
    navigate(homeOf(next));
  };
  const signOut = () => {
    saveSession(null);
    setSession(null);
    navigate('/login');
  };

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

  let content: React.ReactNode;
  if (isPublic) {
    content = rest[0] === 'applications' ? <PortalApplicationScreen /> : rest[0] === 'items' && rest[1] ? <PortalItemScreen id={rest[1]} /> : <PortalScreen area={rest[0] === 'area' ? rest[1] : undefined} />;
  } else if (!session || section === 'login' || oidcReturnParams()) {
    content = <LoginScreen onSignedIn={(next) => { setSessionNotice(null); signIn(next); }} notice={sessionNotice} />;
  } else {
    switch (section) {
      case 'inbox':
        content = <InboxScreen />;
        break;
      case 'review':
        content = rest[0] && rest[1] ? <ReviewScreen itemId={rest[0]} taskId={rest[1]} /> : <InboxScreen />;
        break;
      case 'draft':
        content = <DraftScreen key={rest[0] ?? 'new'} session={session} itemId={rest[0]} />;
        break;
      case 'items':
        content = rest[0] ? <ItemScreen id={rest[0]} /> : <MyItemsScreen session={session} />;
        break;
      case 'supervision':
        content = <SupervisionScreen />;
        break;
      case 'demands':
        content = rest[0] ? <DemandScreen id={rest[0]} /> : <Redirect to={homeOf(session)} />;
        break;
      case 'organisation':
        content = session.actor.roles.includes('admin') ? <OrganisationScreen session={session} /> : <Redirect to={homeOf(session)} />;
        break;
      case 'applications':
        content = <ApplicationsScreen key={rest[0] ?? 'list'} id={rest[0]} session={session} />;
        break;
      case 'reports':
        content = rest[0] === 'assessment' ? <AssessmentScreen /> : <AnnualReportScreen key={rest[1] ?? ''} year={rest[0] === 'annual' ? rest[1] : undefined} session={session} />;
        break;
      default:
        content = <Redirect to={homeOf(session)} />;
    }
  }

  const roles = session?.actor.roles ?? [];
  const links: [string, string][] = isPublic
    ? [['/public', '公开目录'], ['/public/applications', '依申请公开']]
    : [
        ...(roles.some((role) => REVIEW_ROLES.includes(role)) ? [['/inbox', '待办审核'] as [string, string]] : []),
        ...(roles.includes('drafter') ? [['/draft', '起草公开事项'] as [string, string], ['/items', '我的事项'] as [string, string]] : []),
        ...(roles.includes('supervisor') || roles.includes('admin') ? [['/supervision', '督查督办'] as [string, string]] : []),
        ...(roles.some((role) => REPORT_ROLES.includes(role)) ? [['/reports', '报表与考核'] as [string, string]] : []),
        ...(roles.includes('admin') ? [['/organisation', '组织机构'] as [string, string]] : []),
        ['/applications', '依申请公开'],
        ['/public', '政务公开专栏'],
      ];

  return (
    <>
      <a className="skip-link" href="#main" onClick={(event) => { event.preventDefault(); main.current?.focus(); }}>
        跳到主要内容
      </a>
      <header className={`site-header${isPublic ? ' site-header-public' : ''}`}>
        <div className="header-inner">
          <div className="brand">
            <span className="emblem" aria-hidden="true">公</span>
            <div>
              <div className="brand-title">{isPublic ? '政务公开专栏' : '政务公开工作平台'}</div>
              <div className="brand-sub">县人民政府 · 政府信息公开</div>
            </div>
          </div>
          {session && !isPublic ? (
            <div className="user-box">
              <span>
                {session.actor.displayName}
                <span className="muted"> · {session.actor.roles.map((role) => ROLE_LABELS[role] ?? role).join('、')}</span>
              </span>
              <button type="button" className="button button-ghost" onClick={signOut}>
                退出登录
              </button>
            </div>
          ) : isPublic ? (
            <a className="header-link" href={session ? `#${homeOf(session)}` : '#/login'}>
              工作人员登录
            </a>
          ) : null}
        </div>
        {links.length && (session || isPublic) ? (
          <nav aria-label="主导航" className="main-nav">
            <ul>
              {links.map(([path, label]) => (
                <li key={path}>
                  <a href={`#${path}`} aria-current={`/${section ?? ''}` === path ? 'page' : undefined}>
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
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
