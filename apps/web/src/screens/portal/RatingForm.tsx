import { useId, useState, type FormEvent } from 'react';
import { Button } from 'tdesign-react';
import { LabelledTextarea } from '../labelled-textarea';

/** The five scores, worst first, each with the words a screen reader announces next to its stars. */
const SCORES: { score: number; label: string }[] = [
  { score: 1, label: '非常不满意' },
  { score: 2, label: '不满意' },
  { score: 3, label: '一般' },
  { score: 4, label: '满意' },
  { score: 5, label: '非常满意' },
];
export const COMMENT_MAX = 200;

/**
 * The score as five labelled native radio buttons (arrow keys move between them; TDesign's Rate is not a radio
 * group for screen readers) and an optional remark.
 */
export function RatingForm(props: {
  what: string;
  busy: boolean;
  scoreError: string | undefined;
  commentError: string | undefined;
  refusal: string | null;
  onChange: () => void;
  onSubmit: (rating: { score: number | null; comment: string }) => void;
}) {
  const id = useId();
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit({ score, comment });
  };
  return (
    <form onSubmit={submit} noValidate>
      <fieldset className={`rating-stars${props.scoreError ? ' field-invalid' : ''}`} aria-describedby={props.scoreError ? `${id}-score-error` : undefined}>
        <legend>您对{props.what}满意吗？</legend>
        {SCORES.map((option) => (
          <label key={option.score} className={`rating-star${score !== null && option.score <= score ? ' rating-star-on' : ''}`}>
            <input
              type="radio"
              name={`${id}-score`}
              value={option.score}
              checked={score === option.score}
              onChange={() => {
                setScore(option.score);
                props.onChange();
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
        {props.scoreError ? (
          <p className="field-error" id={`${id}-score-error`} role="alert">
            {props.scoreError}
          </p>
        ) : null}
      </fieldset>
      <LabelledTextarea
        id={`${id}-comment`}
        label="意见建议（选填）"
        value={comment}
        onChange={setComment}
        rows={2}
        maxLength={COMMENT_MAX}
        hint={`还可输入 ${COMMENT_MAX - comment.length} 字。请勿填写个人信息；需要答复的问题请通过“我要留言”提交。`}
        problem={props.commentError}
      />
      {props.refusal ? (
        <p className="banner banner-error" role="alert">
          {props.refusal}
        </p>
      ) : null}
      <Button type="submit" theme="primary" loading={props.busy}>
        提交评价
      </Button>
    </form>
  );
}
