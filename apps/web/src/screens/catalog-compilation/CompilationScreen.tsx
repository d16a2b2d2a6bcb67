import type { Session } from '../../api';
import { RoundList } from './RoundList';
import { RoundPage } from './RoundPage';

/** 目录编制: the list of rounds (and the office's form to open one), or one round with each person's step. */
export function CompilationScreen({ session, roundId }: { session: Session; roundId?: string }) {
  return roundId ? <RoundPage session={session} roundId={roundId} /> : <RoundList session={session} />;
}
