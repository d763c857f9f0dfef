import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role, User } from '@santong/contract';
import { api } from '../../app/api';
import type { ListResult } from '../../app/queries';

export interface UsersQuery {
  page: number;
  pageSize: number;
  q?: string;
  role?: Role;
}

export interface UserFormValues {
  username: string;
  displayName: string;
  roles: Role[];
  personId?: string | null;
  status?: User['status'];
  password?: string;
}

const keys = { all: ['users'] as const };

export function useUsers(query: UsersQuery) {
  return useQuery({
    queryKey: [...keys.all, query],
    queryFn: () => api.get<ListResult<User>>('/api/v1/users', { ...query }),
    placeholderData: (prev) => prev,
  });
}

export function useSaveUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ editing, values }: { editing: User | null; values: UserFormValues }) =>
      editing
        ? api.patch<User>(`/api/v1/users/${editing.id}`, {
            displayName: values.displayName,
            roles: values.roles,
            personId: values.personId ?? null,
            status: values.status,
            version: editing.version,
          })
        : api.post<User>('/api/v1/users', {
            username: values.username,
            displayName: values.displayName,
            roles: values.roles,
            personId: values.personId ?? null,
            password: values.password,
          }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useResetPassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) => api.post(`/api/v1/users/${id}/reset-password`, { password }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useUnlockUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/api/v1/users/${id}/unlock`),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export const isLocked = (u: User) => !!u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now();
