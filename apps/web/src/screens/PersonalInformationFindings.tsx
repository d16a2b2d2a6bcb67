// Moved to ./items; this name stays for the drafting and review screens, which import the panels from here.
export { DrafterFindingsPanel } from './items/DrafterFindingsPanel';
export { FindingsPanel } from './items/FindingsPanel';
export { HighlightedText } from './items/HighlightedText';
export { usePersonalInformation, type FindingView, type FindingsView } from './items/personal-information-api';
