/**
 * The demo users of libs/db/src/seed/demo-seed.ts (embedded mode only). Copied rather than imported: the
 * browser bundle must not pull in the database library.
 */
export const DEMO_USERS: { username: string; displayName: string; role: string }[] = [
  { username: 'edu.drafter', displayName: '王起草（教育局）', role: '起草人' },
  { username: 'edu.reviewer', displayName: '李初审（教育局）', role: '初审' },
  { username: 'edu.secrecy', displayName: '赵保密（教育局）', role: '保密审查' },
  { username: 'edu.secrecy2', displayName: '刘保密（教育局）', role: '保密审查' },
  { username: 'edu.legal', displayName: '钱法审（教育局）', role: '合法性审查' },
  { username: 'edu.leader', displayName: '孙局长（教育局）', role: '签发' },
  { username: 'civil.drafter', displayName: '周起草（民政局）', role: '起草人' },
  { username: 'civil.secrecy', displayName: '吴保密（民政局）', role: '保密审查' },
  { username: 'civil.leader', displayName: '郑局长（民政局）', role: '签发' },
  { username: 'office.publisher', displayName: '冯公开（政务公开办）', role: '政务公开办' },
  { username: 'office.supervisor', displayName: '陈督查（政务公开办）', role: '督查' },
  { username: 'admin', displayName: '系统管理员', role: '系统管理员' },
];
