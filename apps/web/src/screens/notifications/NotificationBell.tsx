import { Link } from 'react-router';
import { Badge } from 'tdesign-react';
import { useNotices } from './notifications-api';
import './notifications.css';

/** The bell in the header: how many notices are unread, and the way to them. */
export function NotificationBell() {
  const notices = useNotices(true);
  const unread = notices.data?.unread ?? 0;
  return (
    <Link to="/notifications" className="notification-bell" aria-label={unread ? `通知：${unread}条未读` : '通知：没有未读'} data-unread={unread}>
      <Badge count={unread} maxCount={99} showZero={false} size="small">
        <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M12 2a1.5 1.5 0 0 0-1.5 1.5v.7A6.5 6.5 0 0 0 5.5 10.5V15l-2 2.5V19h17v-1.5l-2-2.5v-4.5a6.5 6.5 0 0 0-5-6.3v-.7A1.5 1.5 0 0 0 12 2Zm-2.5 18a2.5 2.5 0 0 0 5 0Z" />
        </svg>
      </Badge>
    </Link>
  );
}
