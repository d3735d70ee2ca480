/** The category picker (the taxonomy, searchable) and the unit / place picker (the organisation tree). */
import { TreeSelect } from 'antd';
import type { UnitType } from '../api/types';
import { useCategories, useUnits } from '../data';

interface TreeNode {
  value: string;
  title: string;
  children: TreeNode[];
}

function treeOf<T extends { id: string; parentId: string | null }>(items: readonly T[], title: (item: T) => string): TreeNode[] {
  const nodes = new Map(items.map((i) => [i.id, { value: i.id, title: title(i), children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const i of items) {
    const node = nodes.get(i.id)!;
    const parent = i.parentId ? nodes.get(i.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

interface PickerProps<V> {
  value?: V;
  onChange?: (value: V) => void;
  placeholder?: string;
  id?: string;
}

export function CategoryPicker({ value, onChange, placeholder, id }: PickerProps<string>) {
  const categories = useCategories();
  return (
    <TreeSelect
      id={id}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear
      value={value}
      onChange={(v: string) => onChange?.(v)}
      placeholder={placeholder}
      treeData={treeOf(categories.data?.list ?? [], (c) => c.name)}
      loading={categories.isLoading}
      style={{ width: '100%' }}
      treeDefaultExpandAll={false}
      data-testid="category-picker"
    />
  );
}

/** Units of the tree; `types`: only these (a place: district to grid; a handling unit: streets and departments …). */
export function UnitPicker({ value, onChange, placeholder, id, types, multiple }: PickerProps<string | string[]> & { types?: readonly UnitType[]; multiple?: boolean }) {
  const units = useUnits();
  const list = (units.data?.list ?? []).filter((u) => !types || types.includes(u.type) || u.type === 'city');
  return (
    <TreeSelect
      id={id}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear
      multiple={multiple}
      value={value}
      onChange={(v: string | string[]) => onChange?.(v)}
      placeholder={placeholder}
      treeData={treeOf(list, (u) => u.name)}
      treeDefaultExpandedKeys={['city']}
      loading={units.isLoading}
      style={{ width: '100%' }}
    />
  );
}
