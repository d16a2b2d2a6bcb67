/** Why the user is back at the login screen (登录已过期), when that is the reason. */
export function SessionNotice({ notice }: { notice?: string | null | undefined }) {
  return notice ? (
    <div className="banner banner-warning" role="status">
      {notice}
    </div>
  ) : null;
}
