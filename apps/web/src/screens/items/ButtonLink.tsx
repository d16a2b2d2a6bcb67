import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { Button } from 'tdesign-react';

/** A link drawn as a TDesign button, beside the page's real buttons: still a link to assistive technology, opened in the app. */
export function ButtonLink({ to, children }: { to: string; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <Button tag="a" href={to} variant="outline" onClick={(event) => { event.preventDefault(); void navigate(to); }}>
      {children}
    </Button>
  );
}
