import { useEffect, useState } from 'react';

/** The value once it has stopped changing for `ms` milliseconds: search boxes ask the server after a pause in typing. */
export function useDebounced<T>(value: T, ms = 350): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
