/**
 * Where the server writes what happened. A small interface so that tests can capture it and a
 * structured logger (pino) can take its place when the worker arrives.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Lines on stderr: `nudge: message {"field":…}`. */
export const consoleLogger: Logger = {
  info: (message, fields) => console.error(line(message, fields)),
  error: (message, fields) => console.error(line(message, fields)),
};

export const silentLogger: Logger = { info: () => {}, error: () => {} };

function line(message: string, fields?: Record<string, unknown>): string {
  return fields === undefined ? `nudge: ${message}` : `nudge: ${message} ${JSON.stringify(fields)}`;
}
