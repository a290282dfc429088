// The clock port: use cases ask it for "now" so tests can freeze time.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
