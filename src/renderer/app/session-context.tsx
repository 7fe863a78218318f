import { createContext, useContext } from 'react';
import type { Session } from '../../shared/contract/api';

export interface SessionValue {
  session: Session;
  setSession: (session: Session) => void;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside the session provider');
  return value;
}
