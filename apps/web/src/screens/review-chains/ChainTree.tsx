import { Tree, type TreeNodeModel } from 'tdesign-react';
import { chainText, type ReviewChains } from './review-chain-types';

interface Node {
  value: string;
  label: string;
  children?: Node[];
}

/**
 * The chains as they apply: the county default, then each department's own chain, then the catalog rows a
 * department (or every department) handles with a chain of their own.
 */
export function ChainTree({ chains, departmentName, rowName }: { chains: ReviewChains; departmentName: (code: string) => string; rowName: (code: string) => string }) {
  const byDepartment = new Map<string, Node[]>();
  const departmentChains = new Map<string, string>();
  for (const policy of chains.policies) {
    const department = policy.departmentCode ?? '';
    if (!policy.catalogItemCode) {
      if (department) departmentChains.set(department, chainText(policy.stages));
      continue;
    }
    const rows = byDepartment.get(department) ?? [];
    rows.push({ value: `row:${policy.id}`, label: `${rowName(policy.catalogItemCode)}：${chainText(policy.stages)}` });
    byDepartment.set(department, rows);
  }
  const departments = [...new Set([...departmentChains.keys(), ...byDepartment.keys()])].filter(Boolean).sort();
  const data: Node[] = [
    {
      value: 'default',
      label: `全县默认：${chainText(chains.default)}（合法性审查仅用于行政规范性文件）`,
      children: [
        ...(byDepartment.get('') ?? []).map((node) => ({ ...node, label: `所有部门 · ${node.label}` })),
        ...departments.map((code) => ({
          value: `department:${code}`,
          label: `${departmentName(code)}：${departmentChains.get(code) ?? '沿用全县默认'}`,
          children: byDepartment.get(code) ?? [],
        })),
      ],
    },
  ];
  return <Tree data={data} expandAll activable={false} className="chain-tree" label={(node: TreeNodeModel) => String(node.label)} />;
}
