import { Link } from 'react-router';

/** One way to narrow the catalog (by area, by department): a list of links, the current one marked. */
export function FilterNav({ id, title, options }: { id: string; title: string; options: { label: string; path: string; current: boolean }[] }) {
  return (
    <nav aria-labelledby={id} className="facet-nav">
      <h2 id={id}>{title}</h2>
      <ul>
        {options.map((option) => (
          <li key={option.path}>
            <Link to={option.path} aria-current={option.current ? 'page' : undefined}>
              <span>{option.label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
