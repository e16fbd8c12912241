/** @nudge/server: the HTTP app, its start-up, and (in cli/) the `nudge` command line. */
export { type AppOptions, createApp } from './app.ts';
export { ConfigError, readConfig, type ServerConfig } from './config.ts';
export { ApiError, type ErrorBody } from './errors.ts';
export { consoleLogger, type Logger, silentLogger } from './log.ts';
export { defaultEditorDir, repoRoot } from './paths.ts';
export {
  EditorNotBuiltError,
  type RunningServer,
  type StartServerOptions,
  startServer,
} from './start.ts';
