/** Logging for the CLIs: progress and status go to stderr so stdout stays clean for data. */
export const log = (msg: string): void => {
  process.stderr.write(`${msg}\n`);
};
