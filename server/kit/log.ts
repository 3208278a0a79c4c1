// The one log line shape every runtime writes (JSON per line); its own file so the notifier and
// the channels can log without importing the runtime that wires them.
export type Log = (level: 'error' | 'warn' | 'info', message: string, extra?: Record<string, unknown>) => void;

export const consoleLog: Log = (level, message, extra) => {
  const line = JSON.stringify({ level, message, ...extra });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
};
