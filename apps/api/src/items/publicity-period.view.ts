/** The 公示期 of a released item whose rule has one, and whether it has ended at `now`; null otherwise. */
export function publicityPeriodView(item: { publicityStartsAt: Date | null; publicityEndsAt: Date | null }, now: number) {
  if (!item.publicityStartsAt || !item.publicityEndsAt) return null;
  return { startsAt: item.publicityStartsAt.toISOString(), endsAt: item.publicityEndsAt.toISOString(), ended: item.publicityEndsAt.getTime() < now };
}
