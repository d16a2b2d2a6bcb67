import { Link, useLocation } from 'react-router';
import { Button } from 'tdesign-react';
import type { Session } from './api';
import { DisplaySettings } from './display-settings';
import { ROLE_LABELS } from './format';
import { homeOf, ROUTES } from './routes';
import { NotificationBell } from './screens/notifications/NotificationBell';

const PORTAL_LINKS: [string, string][] = [['/public', '公开目录'], ['/public/catalog', '标准目录'], ['/public/applications', '依申请公开'], ['/public/consultations', '意见征集']];

/** The staff navigation: every route with a `nav` entry the user's roles may see, then the portal. */
function staffLinks(session: Session | null): [string, string][] {
  const roles = session?.actor.roles ?? [];
  return [
    ...ROUTES.flatMap((route): [string, string][] => {
      if ('public' in route || !route.nav) return [];
      const navRoles = route.nav.roles ?? route.roles;
      return !navRoles || roles.some((role) => navRoles.includes(role)) ? [[route.path.replace(/\/:[^/]*\?$/, ''), route.nav.label]] : [];
    }),
    ['/public', '政务公开专栏'],
  ];
}

/** The red header: the emblem and title, the display modes, who is signed in, and the navigation. */
export function SiteHeader({ session, isPublic, onSignOut }: { session: Session | null; isPublic: boolean; onSignOut: () => void }) {
  const location = useLocation();
  const links = isPublic ? PORTAL_LINKS : staffLinks(session);
  // The longest link the address starts with: /public/catalog is 标准目录, /public/items/<id> is 公开目录.
  const currentNav = links
    .map(([path]) => path)
    .filter((path) => location.pathname === path || location.pathname.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)[0];

  return (
    <header className={`site-header${isPublic ? ' site-header-public' : ''}`}>
      <div className="header-inner">
        <div className="brand">
          <span className="emblem" aria-hidden="true">
            公
          </span>
          <div>
            <div className="brand-title">{isPublic ? '政务公开专栏' : '政务公开工作平台'}</div>
            <div className="brand-sub">县人民政府 · 政府信息公开</div>
          </div>
        </div>
        <div className="header-tools">
          <DisplaySettings />
          {session && !isPublic ? (
            <div className="user-box">
              <NotificationBell />
              <span>
                {session.actor.displayName}
                <span className="muted"> · {session.actor.roles.map((role) => ROLE_LABELS[role] ?? role).join('、')}</span>
              </span>
              <Button variant="outline" ghost onClick={onSignOut}>
                退出登录
              </Button>
            </div>
          ) : isPublic ? (
            <Link className="header-link" to={session ? homeOf(session) : '/login'}>
              工作人员登录
            </Link>
          ) : null}
        </div>
      </div>
      {session || isPublic ? (
        <nav aria-label="主导航" className="main-nav">
          <ul>
            {links.map(([path, label]) => (
              <li key={path}>
                <Link to={path} aria-current={path === currentNav ? 'page' : undefined}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
