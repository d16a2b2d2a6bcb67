// The item screens live in ./items; this name stays for the portal's item page, which imports the 公示期 line from here.
export { PublicityPeriodLine } from './items/PublicityPeriodLine';
