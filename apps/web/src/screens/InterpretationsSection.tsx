// Moved to ./items; this name stays for the portal's item page, which imports it from here.
export { InterpretationsSection } from './items/InterpretationsSection';
