/** Short codes for the catalog areas (领域), used as the prefix of catalog item codes. */
export const AREA_CODES: Readonly<Record<string, string>> = {
  城乡规划: 'PLAN',
  重大建设项目: 'PROJECT',
  公共资源交易: 'TRADE',
  财政预决算: 'FISCAL',
  安全生产: 'SAFETY',
  税收管理: 'TAX',
  征地补偿: 'LANDCOMP',
  农村集体土地征收: 'LAND',
  拆迁安置: 'RELOC',
  保障性住房: 'HOUSING',
  农村危房改造: 'RURALHOUSE',
  环境保护: 'ENV',
  公共文化服务: 'CULTURE',
  公共法律服务: 'LEGAL',
  扶贫救灾: 'RELIEF',
  食品药品监管: 'FOOD',
  城市综合执法: 'ENFORCE',
  就业创业: 'EMPLOY',
  社会保险: 'INSURE',
  社会救助: 'ASSIST',
  养老服务: 'ELDER',
  户籍管理: 'HUKOU',
  涉农补贴: 'FARM',
  义务教育: 'EDU',
  医疗卫生: 'HEALTH',
  市政服务: 'MUNICIPAL',
  综合政务: 'GENERAL',
};

/**
 * The area named by a catalog title such as "义务教育领域基层政务公开标准目录" or
 * "综合政务基层政务公开标准目录".
 */
export function areaFromTitle(title: string): string | undefined {
  const match = /^\s*(.+?)(?:领域|(?:基层)?政务公开(?:事项)?标准)/.exec(title.replace(/\s+/g, ''));
  return match ? match[1].trim() : undefined;
}
