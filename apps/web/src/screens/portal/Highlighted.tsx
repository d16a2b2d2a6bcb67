function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^$()|[\]{}\\]/g, '\\$&');
}

/** The text with every occurrence of a term (any case) in <mark>, for the result list. */
export function Highlighted({ text, terms }: { text: string; terms: string[] }) {
  if (!terms.length) return <>{text}</>;
  // Longest first, so that "课后服务" wins over "课后" where both match.
  const alternatives = [...terms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(${alternatives.join('|')})`, 'giu');
  const lower = terms.map((term) => term.toLowerCase());
  return (
    <>
      {text.split(pattern).map((part, index) =>
        lower.includes(part.toLowerCase()) ? <mark key={index}>{part}</mark> : part ? <span key={index}>{part}</span> : null,
      )}
    </>
  );
}
