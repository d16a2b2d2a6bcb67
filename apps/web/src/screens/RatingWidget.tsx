import { useEffect, useId, useState, type FormEvent } from 'react';
import { ApiFailure, loadRatingSummary, RatingFailure, submitRating, type RatingSummary, type RatingTarget } from '../api';

/** The five scores, worst first, each with the words a screen reader announces next to its stars. */
const SCORES: { score: number; label: string }[] = [
  { score: 1, label: '非常不满意' },
  { score: 2, label: '不满意' },
  { score: 3, label: '一般' },
  { score: 4, label: '满意' },
  { score: 5, label: '非常满意' },
];
const COMMENT_MAX = 200;

/**
 * 公众满意度评价: five labelled radio buttons (native, so arrow keys move between them), an optional remark,
 * and the running summary. Each browser may rate a target once; the API's cookie tells browsers apart.
 */
export function RatingWidget(props: { target: { kind: 'item'; itemId: string } | { kind: 'response'; concernId: string } }) {
  const target: RatingTarget = props.target;
  const targetKey = target.kind === 'item' ? `item:${target.itemId}` : `response:${target.concernId}`;
  const id = useId();
  const [summary, setSummary] = useState<RatingSummary | null>(null);
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [thanked, setThanked] = useState(false);
  const [error, setError] = useState<ApiFailure | Error | null>(null);

  useEffect(() => {
    setSummary(null);
    setThanked(false);
    loadRatingSummary(target).then(setSummary, () => setSummary(null));
    // targetKey names the target; the object itself is new on every render of the parent.
  }, [targetKey]);

  const what = target.kind === 'item' ? '本条信息' : '这条回应';
  const scoreError = error instanceof ApiFailure ? (error.fieldMessage('score') ? '请选择 1 到 5 星中的一项。' : undefined) : undefined;
  const commentError = error instanceof ApiFailure && error.fieldMessage('comment') ? `意见不能超过 ${COMMENT_MAX} 个字。` : undefined;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (score === null) {
      setError(new ApiFailure(400, '请选择评分', [{ field: 'score', problems: ['required'] }]));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const answer = await submitRating(target, { score, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      setSummary(answer.summary);
      setThanked(true);
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
      if (caught instanceof RatingFailure && caught.status === 409) setSummary((current) => (current ? { ...current, ratedByYou: true } : current));
    } finally {
      setBusy(false);
    }
  };

  const refusal = (() => {
    if (!error || scoreError || commentError) return null;
    if (error instanceof RatingFailure && error.status === 409) return `您已经评价过${what}，每位访问者只能评价一次，感谢您的参与。`;
    if (error instanceof RatingFailure && error.status === 429) {
      const wait = error.retryAfterSeconds;
      return `评价提交过于频繁，请${wait ? `在 ${wait >= 60 ? `${Math.ceil(wait / 60)} 分钟` : `${wait} 秒`}后` : '稍后'}再试。`;
    }
    if (error instanceof ApiFailure && error.status === 404) return `${what}已不再公开，无法评价。`;
    return `评价未能提交：${error.message}`;
  })();

  const rated = summary?.ratedByYou ?? false;
  return (
    <section className="rating-widget" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="rating-title">
        满意度评价
      </h3>
      <RatingSummaryView summary={summary} />
      {thanked ? (
        <p className="banner banner-success" role="status">
          感谢您的评价！您的意见将用于改进政务公开工作。
        </p>
      ) : error instanceof RatingFailure && error.status === 409 ? (
        <p className="banner banner-warning" role="alert">
          {refusal}
        </p>
      ) : rated ? (
        <p className="muted" role="status">
          您已评价过{what}，感谢您的参与。
        </p>
      ) : (
        <form onSubmit={(event) => void onSubmit(event)} noValidate>
          <fieldset className={`rating-stars${scoreError ? ' field-invalid' : ''}`} aria-describedby={scoreError ? `${id}-score-error` : undefined}>
            <legend>您对{what}满意吗？</legend>
            {SCORES.map((option) => (
              <label key={option.score} className={`rating-star${score !== null && option.score <= score ? ' rating-star-on' : ''}`}>
                <input
                  type="radio"
                  name={`${id}-score`}
                  value={option.score}
                  checked={score === option.score}
                  onChange={() => {
                    setScore(option.score);
                    setError(null);
                  }}
                />
                <span aria-hidden="true" className="rating-star-glyph">
                  ★
                </span>
                <span className="rating-star-text">
                  {option.score}星 · {option.label}
                </span>
              </label>
            ))}
            {scoreError ? (
              <p className="field-error" id={`${id}-score-error`} role="alert">
                {scoreError}
              </p>
            ) : null}
          </fieldset>
          <div className={`field${commentError ? ' field-invalid' : ''}`}>
            <label htmlFor={`${id}-comment`}>意见建议（选填）</label>
            <textarea
              id={`${id}-comment`}
              rows={2}
              value={comment}
              maxLength={COMMENT_MAX}
              aria-describedby={`${id}-comment-count${commentError ? ` ${id}-comment-error` : ''}`}
              aria-invalid={commentError ? true : undefined}
              onChange={(event) => setComment(event.target.value)}
            />
            <p className="hint" id={`${id}-comment-count`}>
              还可输入 {COMMENT_MAX - comment.length} 字。请勿填写个人信息；需要答复的问题请通过“我要留言”提交。
            </p>
            {commentError ? (
              <p className="field-error" id={`${id}-comment-error`} role="alert">
                {commentError}
              </p>
            ) : null}
          </div>
          {refusal ? (
            <p className="banner banner-error" role="alert">
              {refusal}
            </p>
          ) : null}
          <button type="submit" className="button button-primary" disabled={busy}>
            提交评价
          </button>
        </form>
      )}
    </section>
  );
}

/** The running result: how many rated, the average, and the share of each score. */
function RatingSummaryView({ summary }: { summary: RatingSummary | null }) {
  if (!summary) return null;
  if (summary.count === 0) return <p className="muted rating-summary">暂无评价，欢迎您第一个评价。</p>;
  return (
    <div className="rating-summary">
      <p>
        <strong className="rating-average">{summary.average?.toFixed(1)}</strong> 分（满分 5 分），共 {summary.count} 人评价
      </p>
      <ul className="rating-distribution" aria-label="各分值评价人数">
        {[5, 4, 3, 2, 1].map((score) => {
          const count = summary.distribution[String(score) as keyof RatingSummary['distribution']];
          return (
            <li key={score}>
              <span className="rating-distribution-label">{score}星</span>
              <span className="rating-bar" aria-hidden="true">
                <span style={{ width: `${summary.count ? (count / summary.count) * 100 : 0}%` }} />
              </span>
              <span>{count} 人</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
