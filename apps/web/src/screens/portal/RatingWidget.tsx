import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ApiFailure, RatingFailure } from '../../api';
import { queryKeys } from '../../query';
import { describeFailure } from '../../ui';
import { loadRatingSummary, submitRating, type RatingSummary, type RatingTarget } from './rating-api';
import { COMMENT_MAX, RatingForm } from './RatingForm';
import { RatingSummaryView } from './RatingSummary';

/** Why a rating was refused, in the reader's words; null when a field's own message says it. */
function refusalOf(error: unknown, what: string): string | null {
  if (!error) return null;
  if (error instanceof ApiFailure && (error.fieldMessage('score') || error.fieldMessage('comment'))) return null;
  if (error instanceof RatingFailure && error.status === 409) return `您已经评价过${what}，每位访问者只能评价一次，感谢您的参与。`;
  if (error instanceof RatingFailure && error.status === 429) {
    const wait = error.retryAfterSeconds;
    return `评价提交过于频繁，请${wait ? `在 ${wait >= 60 ? `${Math.ceil(wait / 60)} 分钟` : `${wait} 秒`}后` : '稍后'}再试。`;
  }
  if (error instanceof ApiFailure && error.status === 404) return `${what}已不再公开，无法评价。`;
  return `评价未能提交：${describeFailure(error).text}`;
}

/**
 * 公众满意度评价: the running summary and, until this browser has rated, the form. Each browser may rate a
 * target once; the API's cookie tells browsers apart.
 */
export function RatingWidget({ target }: { target: RatingTarget }) {
  const key = queryKeys.rating(target.kind === 'item' ? `item:${target.itemId}` : `response:${target.concernId}`);
  const id = useId();
  const queryClient = useQueryClient();
  const [missingScore, setMissingScore] = useState(false);
  // A summary that does not load leaves the form usable: the rating itself says whether it was taken.
  const { data: summary } = useQuery({ queryKey: key, queryFn: () => loadRatingSummary(target), retry: false });
  const rating = useMutation({
    mutationFn: (body: { score: number; comment?: string }) => submitRating(target, body),
    onSuccess: (answer) => queryClient.setQueryData(key, answer.summary),
    onError: (error) => {
      if (error instanceof RatingFailure && error.status === 409) queryClient.setQueryData<RatingSummary>(key, (current) => (current ? { ...current, ratedByYou: true } : current));
    },
  });

  const what = target.kind === 'item' ? '本条信息' : '这条回应';
  const error = rating.error;
  const scoreError = missingScore || (error instanceof ApiFailure && error.fieldMessage('score')) ? '请选择 1 到 5 星中的一项。' : undefined;
  const commentError = error instanceof ApiFailure && error.fieldMessage('comment') ? `意见不能超过 ${COMMENT_MAX} 个字。` : undefined;
  const alreadyRated = error instanceof RatingFailure && error.status === 409;

  return (
    <section className="rating-widget" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="rating-title">
        满意度评价
      </h3>
      <RatingSummaryView summary={summary} />
      {rating.isSuccess ? (
        <p className="banner banner-success" role="status">
          感谢您的评价！您的意见将用于改进政务公开工作。
        </p>
      ) : alreadyRated ? (
        <p className="banner banner-warning" role="alert">
          {refusalOf(error, what)}
        </p>
      ) : summary?.ratedByYou ? (
        <p className="muted" role="status">
          您已评价过{what}，感谢您的参与。
        </p>
      ) : (
        <RatingForm
          what={what}
          busy={rating.isPending}
          scoreError={scoreError}
          commentError={commentError}
          refusal={refusalOf(error, what)}
          onChange={() => {
            setMissingScore(false);
            rating.reset();
          }}
          onSubmit={({ score, comment }) => {
            if (score === null) return setMissingScore(true);
            rating.mutate({ score, ...(comment.trim() ? { comment: comment.trim() } : {}) });
          }}
        />
      )}
    </section>
  );
}
