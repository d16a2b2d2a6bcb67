import { useQuery } from '@tanstack/react-query';
import { apiClient, bodyOf } from '../../openapi/client';
import { queryKeys } from '../../query';
import { Interpretation } from './Interpretation';

/** 政策解读 on a released item: the drafter's own text, then every interpretation in its form (多元化解读). */
export function InterpretationsSection({ itemId, text }: { itemId: string; text: string | null | undefined }) {
  const { data } = useQuery({
    queryKey: queryKeys.publicInterpretations(itemId),
    queryFn: () => bodyOf(apiClient.GET('/api/public/items/{id}/interpretations', { params: { path: { id: itemId } } })),
  });
  const interpretations = data?.items ?? [];
  if (!text && interpretations.length === 0) return null;
  return (
    <section className="card" aria-labelledby="interpretation-title">
      <h2 id="interpretation-title">政策解读</h2>
      {text ? <div className="body-text">{text}</div> : null}
      {interpretations.length ? (
        <ol className="interpretations">
          {interpretations.map((entry, index) => (
            <Interpretation key={entry.id} entry={entry} index={index} />
          ))}
        </ol>
      ) : null}
    </section>
  );
}
