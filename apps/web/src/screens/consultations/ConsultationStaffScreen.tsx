import type { Session } from '../../api';
import { ConsultationDesk } from './ConsultationDesk';
import { ConsultationOverview } from './ConsultationOverview';

/** 意见征集 for staff (/consultations, /consultations/<id>): open one, moderate its opinions, publish the feedback. */
export function ConsultationStaffScreen({ id, session }: { id: string | undefined; session: Session }) {
  return id ? <ConsultationDesk key={id} id={id} session={session} /> : <ConsultationOverview session={session} />;
}
