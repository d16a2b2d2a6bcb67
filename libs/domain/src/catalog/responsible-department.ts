/**
 * The department responsible for a catalog row (责任部门). A published catalog names its 公开主体 in words
 * ("翔安区教育局", "县级政府民政部门、乡镇政府(街道办事处)"), often with another county's place name, so a row
 * is matched to the county's own units by the core of their names: "县教育局" → "教育", "江上乡人民政府" →
 * "江上乡". A row may name several units (a shared obligation); one that names none stays unassigned
 * until an admin or a compilation round assigns it.
 */
export interface NamedDepartment {
  readonly code: string;
  readonly name: string;
  readonly active?: boolean;
}

const PLACE_PREFIX = /^(县|区|市)/;
const KIND_SUFFIX = /(人民政府|政府|委员会|办公室|局|委|办)$/;

/** The distinctive part of a unit's name, or '' when too little is left to match on (县人民政府 → 人民政府 → ''). */
export function departmentNameCore(name: string): string {
  const core = name.trim().replace(PLACE_PREFIX, '').replace(KIND_SUFFIX, '');
  return [...core].length >= 2 ? core : '';
}

/**
 * The codes of the active units whose name core appears in the row's 公开主体, in the given order. 人民政府 is
 * read as 政府 first: its 民政 is not the civil affairs bureau (县民政局 → 民政).
 */
export function departmentsNamedBy(subject: string, departments: readonly NamedDepartment[]): string[] {
  const wording = subject.replaceAll('人民政府', '政府');
  return departments
    .filter((department) => department.active !== false)
    .filter((department) => {
      const core = departmentNameCore(department.name);
      return core !== '' && wording.includes(core);
    })
    .map((department) => department.code);
}
