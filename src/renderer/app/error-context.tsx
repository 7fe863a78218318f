import { createContext, useContext } from 'react';

export type ErrorReporter = (error: unknown) => void;

export const ErrorContext = createContext<ErrorReporter>((error) => console.error(error));

export function useErrorReporter(): ErrorReporter {
  return useContext(ErrorContext);
}
