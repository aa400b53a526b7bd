// Dependencies passed in explicitly, so that tests can fix time and ids.

export interface Clock {
  now(): Date;
  /** Today's date in Vietnam (UTC+7), yyyy-MM-dd. */
  today(): string;
}

export function toVietnamDate(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => toVietnamDate(new Date()),
};

export function fixedClock(iso: string): Clock {
  const instant = new Date(iso);
  return { now: () => new Date(instant), today: () => toVietnamDate(instant) };
}

export interface IdGenerator {
  newId(): string;
}

export const randomIds: IdGenerator = { newId: () => crypto.randomUUID() };
