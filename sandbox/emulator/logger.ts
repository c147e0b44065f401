// Logger: Logger.log lines are kept (and readable with getLog), not printed.
import type { EmulatorEnv } from "./env.ts";

function render(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return String(value);
  if (typeof value === "object") {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

export class LogRecorder {
  lines: string[] = [];
  readonly service;

  constructor(env: EmulatorEnv) {
    const logger = {
      /** log(data) or log(format, ...values) with %s placeholders. */
      log: (data: unknown, ...values: unknown[]) => {
        env.hit("Logger", "log");
        let line = render(data);
        if (values.length > 0 && typeof data === "string") {
          let next = 0;
          line = data.replace(/%s/g, () => (next < values.length ? render(values[next++]) : "%s"));
        }
        this.lines.push(line);
        return logger;
      },
      getLog: () => {
        env.hit("Logger", "getLog");
        return this.lines.join("\n");
      },
      clear: () => {
        env.hit("Logger", "clear");
        this.lines = [];
      },
    };
    this.service = logger;
  }
}
