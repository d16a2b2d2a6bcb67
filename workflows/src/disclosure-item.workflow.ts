// The item workflow lives in ./disclosure-item/ (state, guards, review chain, release, timers); this path stays for its importers.
export { disclosureItemWorkflow } from './disclosure-item/disclosure-item.workflow';
