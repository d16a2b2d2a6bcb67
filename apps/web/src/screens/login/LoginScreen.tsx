import { useQuery } from '@tanstack/react-query';
import type { Session } from '../../api';
import { Loading } from '../../ui';
import { authConfigQuery } from './auth-config';
import { DevLogin } from './DevLogin';
import { OidcLogin } from './OidcLogin';

/**
 * Staff sign-in. The API says which kind (`GET /api/auth/config`): in production, 统一身份认证 (OIDC, with the
 * browser sent to the issuer and back with `?code=&state=`); in the embedded mode, the demo users.
 */
export function LoginScreen({ onSignedIn, notice }: { onSignedIn: (session: Session) => void; notice?: string | null }) {
  const { data: config, error, isPending } = useQuery(authConfigQuery);
  if (isPending) return <Loading />;
  // Without the answer, the demo login stays usable and says what failed.
  return config?.mode === 'oidc' ? <OidcLogin config={config} onSignedIn={onSignedIn} notice={notice} /> : <DevLogin onSignedIn={onSignedIn} notice={notice} configError={error} />;
}
