/** The little logging main needs; a console by default, a silent one in tests. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export const consoleLogger: Logger = {
  info: (message) => console.log(`[workbench] ${message}`),
  warn: (message) => console.warn(`[workbench] ${message}`),
  error: (message, error) => console.error(`[workbench] ${message}`, error ?? ''),
};

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
