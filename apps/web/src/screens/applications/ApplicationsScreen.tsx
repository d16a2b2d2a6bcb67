import type { Session } from '../../api';
import { ApplicationList } from './ApplicationList';
import { ApplicationPage } from './ApplicationPage';

/** 依申请公开 for staff: the list (overdue first), or one application with its clock, timeline and next steps. */
export function ApplicationsScreen({ id, session }: { id?: string; session: Session }) {
  return id ? <ApplicationPage id={id} session={session} /> : <ApplicationList />;
}
