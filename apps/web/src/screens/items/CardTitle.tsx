/** A card's heading: the section's name for screen readers, without the page headings' margins inside the card's header. */
export function CardTitle({ id, children }: { id: string; children: string }) {
  return (
    <h2 id={id} style={{ margin: 0, fontSize: '1.1rem' }}>
      {children}
    </h2>
  );
}
