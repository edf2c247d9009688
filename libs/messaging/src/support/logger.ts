/** The part of a logger the messaging classes use; Nest's `Logger` satisfies it. */
export interface MessagingLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Default for plain (non-Nest) use: warnings and errors to stderr, routine messages dropped. */
export const stderrLogger: MessagingLogger = {
  log: () => undefined,
  warn: (message) => process.stderr.write(`[messaging] WARN ${message}\n`),
  error: (message) => process.stderr.write(`[messaging] ERROR ${message}\n`),
};

export const silentLogger: MessagingLogger = {
  log: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
