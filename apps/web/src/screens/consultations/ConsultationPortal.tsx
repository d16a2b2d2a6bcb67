import { PublicConsultationList } from './PublicConsultationList';
import { PublicConsultationPage } from './PublicConsultationPage';

/** 意见征集 on the portal: the list (/public/consultations) or one consultation (/public/consultations/<id>). */
export function ConsultationPortal({ id }: { id: string | undefined }) {
  return id ? <PublicConsultationPage id={id} /> : <PublicConsultationList />;
}
