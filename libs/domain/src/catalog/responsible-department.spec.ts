import { departmentNameCore, departmentsNamedBy } from './responsible-department';

const COUNTY = [
  { code: 'county', name: '县人民政府' },
  { code: 'office', name: '县政务公开办公室' },
  { code: 'edu', name: '县教育局' },
  { code: 'civil', name: '县民政局' },
  { code: 'jiangshang', name: '江上乡人民政府' },
  { code: 'closed', name: '县粮食局', active: false },
];

describe('the department responsible for a catalog row', () => {
  it('matches on the core of a unit name, whatever place the published catalog was written for', () => {
    expect(departmentsNamedBy('翔安区教育局', COUNTY)).toEqual(['edu']);
    expect(departmentsNamedBy('区教育局', COUNTY)).toEqual(['edu']);
    expect(departmentsNamedBy('江上乡人民政府', COUNTY)).toEqual(['jiangshang']);
    expect(departmentsNamedBy('县级政府民政部门、乡镇政府(街道办事处)', COUNTY)).toEqual(['civil']);
  });

  it('names several units for a shared row, and none for a row no unit of the county matches', () => {
    expect(departmentsNamedBy('县教育局、县民政局', COUNTY)).toEqual(['edu', 'civil']);
    expect(departmentsNamedBy('区应急局', COUNTY)).toEqual([]);
    expect(departmentsNamedBy('相关审批部门', COUNTY)).toEqual([]);
  });

  it('never matches the county government on its bare kind, nor a deactivated unit', () => {
    expect(departmentNameCore('县人民政府')).toBe('');
    expect(departmentsNamedBy('县人民政府', COUNTY)).toEqual([]);
    expect(departmentsNamedBy('县粮食局', COUNTY)).toEqual([]);
  });
});
