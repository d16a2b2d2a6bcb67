import { Tag, Tree } from 'tdesign-react';
import type { OrgUser } from '../../api';
import { KIND_LABELS, type Department } from './org-model';

interface TreeNode {
  value: string;
  department: Department;
  children?: TreeNode[];
}

/**
 * The 县政府 → 部门 → 乡镇/街道 tree (TDesign Tree, all open). Each node's label is a button, so that a keyboard
 * user tabs from unit to unit and selects with Enter; the selected one is marked aria-current.
 */
export function DepartmentTree(props: { departments: Department[]; users: OrgUser[]; selected: string | undefined; onSelect: (code: string) => void }) {
  const nodesUnder = (code: string | null): TreeNode[] =>
    props.departments
      .filter((d) => d.parentCode === code)
      .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, 'zh-CN') : a.kind === 'department' ? -1 : 1))
      .map((department) => {
        const children = nodesUnder(department.code);
        return { value: department.code, department, ...(children.length ? { children } : {}) };
      });
  const nodeLabel = (department: Department) => {
    const count = props.users.filter((u) => u.departmentCode === department.code && u.active).length;
    return (
      <button type="button" className={`org-node${department.active ? '' : ' org-node-inactive'}`} aria-current={props.selected === department.code ? 'true' : undefined} onClick={() => props.onSelect(department.code)}>
        <span className="org-node-name">{department.name}</span>
        {department.active ? null : <span className="badge badge-inactive">已停用</span>}
        <Tag size="small" variant="light" theme={department.kind === 'county' ? 'danger' : department.kind === 'department' ? 'primary' : 'success'}>
          {KIND_LABELS[department.kind]}
        </Tag>
        <span className="muted org-node-count">{count} 人</span>
      </button>
    );
  };
  return (
    <Tree
      className="org-tree"
      data={nodesUnder(null)}
      expandAll
      transition={false}
      activable
      actived={props.selected ? [props.selected] : []}
      onActive={(value) => value[0] !== undefined && props.onSelect(String(value[0]))}
      label={(node) => nodeLabel((node.data as unknown as TreeNode).department)}
    />
  );
}
