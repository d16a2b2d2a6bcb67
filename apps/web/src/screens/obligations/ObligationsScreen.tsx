import '../staff-screens.css';
import type { Session } from '../../api';
import { ErrorBanner } from '../../ui';
import { DueTasks } from './DueTasks';
import { useObligations } from './obligation-queries';
import { OBLIGATION_MANAGERS } from './obligation-types';
import { ObligationTable } from './ObligationTable';
import { RegisterObligation } from './RegisterObligation';

/**
 * 定期公开: the standing obligations with each one's schedule, current period and due date; what my department
 * must publish now (drafters); and, for the disclosure office and admins, registering and stopping them.
 */
export default function ObligationsScreen({ session }: { session: Session }) {
  const roles = session.actor.roles;
  const mayManage = roles.some((role) => OBLIGATION_MANAGERS.includes(role));
  const obligations = useObligations();
  return (
    <section className="page" aria-labelledby="obligations-title">
      <h1 id="obligations-title">定期公开</h1>
      {roles.includes('drafter') ? <DueTasks /> : null}
      <section className="card" aria-labelledby="obligation-list-title">
        <h2 id="obligation-list-title">定期公开清单</h2>
        <ErrorBanner error={obligations.error} />
        <ObligationTable obligations={obligations.data} loading={obligations.isLoading} mayManage={mayManage} />
      </section>
      {mayManage ? <RegisterObligation canListDepartments={roles.includes('admin') || roles.includes('supervisor')} /> : null}
    </section>
  );
}
