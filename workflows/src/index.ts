export { disclosureItemWorkflow } from './disclosure-item.workflow';
export { publicConcernWorkflow } from './public-concern.workflow';
export { openObligationPeriodWorkflow, periodicObligationWorkflow } from './periodic-obligation.workflow';
export { supervisionDemandWorkflow } from './supervision-demand.workflow';
export { calendarRecalculationWorkflow } from './calendar-recalculation.workflow';
export { catalogCompilationWorkflow } from './catalog-compilation.workflow';
export { publicConsultationWorkflow } from './public-consultation.workflow';
export { disclosureApplicationWorkflow } from './disclosure-application.workflow';
export { personalInformationSweepWorkflow } from './personal-information-sweep.workflow';
