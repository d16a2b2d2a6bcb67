export { disclosureItemWorkflow } from './disclosure-item.workflow';
