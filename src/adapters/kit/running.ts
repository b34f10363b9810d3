/** A platform adapter once started: what `npm start`, shutdown and the tests ask of it. */
export interface RunningAdapter {
  /** Resolves once every event being handled has sent its replies. */
  idle(): Promise<void>;
  /** Stop taking events, let the turns in flight finish. Does not close the app. */
  stop(): Promise<void>;
}
