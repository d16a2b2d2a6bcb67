import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Button, Input } from 'tdesign-react';
import { pathWithQuery } from '../../router';
import { Labelled } from '../labelled-control';
import type { PortalFilters } from './portal-model';

/** The portal's heading, what it publishes, and the keyword search (the filters of the page stay as they are). */
export function PortalSearch({ title, filters }: { title: string; filters: PortalFilters }) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState(filters.q ?? '');
  // A link (清除条件, a facet) changes the keyword in the address: the box follows it.
  useEffect(() => setDraft(filters.q ?? ''), [filters.q]);
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    navigate(pathWithQuery('/public', { q: draft.trim() || undefined, area: filters.area, category: filters.category }));
  };
  return (
    <div className="portal-hero">
      <h1 id="portal-title">{title}</h1>
      <p className="lead">本栏目依据《中华人民共和国政府信息公开条例》和政务公开事项标准目录，公开各部门主动公开的政府信息。</p>
      <form role="search" onSubmit={onSearch}>
        <label htmlFor="portal-q" className="control-label">
          搜索公开信息
        </label>
        <div className="portal-search-row">
          <Labelled id="portal-q">
            <Input type="search" name="q" value={draft} maxlength={100} size="large" clearable placeholder="输入标题、正文或事项名称中的关键词，如：课后服务" onChange={(value) => setDraft(String(value))} />
          </Labelled>
          <Button type="submit" theme="primary" size="large">
            搜索
          </Button>
        </div>
      </form>
    </div>
  );
}
