import { Link } from 'react-router';
import { portalHref, type PortalFilters } from './portal-model';

/** One way to browse the portal (by area, by 五公开 category): "all", then each value with its count. */
export function FacetNav({ id, title, allLabel, filters, facet, options }: { id: string; title: string; allLabel: string; filters: PortalFilters; facet: 'area' | 'category'; options: { value: string; label: string; count: number }[] }) {
  return (
    <nav aria-labelledby={id} className="facet-nav">
      <h2 id={id}>{title}</h2>
      <ul>
        <li>
          <Link to={portalHref({ ...filters, [facet]: undefined })} aria-current={filters[facet] ? undefined : 'page'}>
            <span>{allLabel}</span>
          </Link>
        </li>
        {options.map((option) => (
          <li key={option.value}>
            <Link to={portalHref({ ...filters, [facet]: option.value })} aria-current={option.value === filters[facet] ? 'page' : undefined}>
              <span>{option.label}</span>
              <span className="facet-count">
                {option.count}
                <span className="sr-only">条</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
