import { useQuery } from '@tanstack/react-query';
import { apiClient, bodyOf } from '../openapi/client';

/**
 * The county's staff and units by their codes, so that the screens name people and departments as the clerk
 * knows them (系统管理员, 县教育局), never by login or code. Admins and supervisors may read the directory;
 * for anyone else, and for a name not in it (the system, a removed account), the code itself is shown.
 */
export function useStaffDirectory(enabled = true) {
  const users = useQuery({
    queryKey: ['org', 'users'],
    enabled,
    queryFn: () => bodyOf(apiClient.GET('/api/org/users')).then((answer) => answer.items),
  });
  const departments = useQuery({
    queryKey: ['org', 'departments'],
    enabled,
    queryFn: () => bodyOf(apiClient.GET('/api/org/departments')).then((answer) => answer.items),
  });
  const people = new Map((users.data ?? []).map((user) => [user.username, user.displayName]));
  const units = new Map((departments.data ?? []).map((unit) => [unit.code, unit.name]));
  return {
    departments: departments.data ?? [],
    departmentsLoading: departments.isLoading,
    person: (username: string | null | undefined) => (!username ? '—' : username === 'system' ? '系统' : people.get(username) ?? username),
    unit: (code: string | null | undefined) => (!code ? '—' : units.get(code) ?? code),
    unitNames: units,
  };
}
