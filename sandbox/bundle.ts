// Runs the built add-on bundle (dist/apps-script/Code.js) in node:vm with the emulator's services as
// its globals, and calls its top-level functions the way Apps Script does.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import type { Emulator, ExecutionKind, TriggerRunner } from "./emulator/index.ts";

export const bundlePath = join(dirname(fileURLToPath(import.meta.url)), "../dist/apps-script/Code.js");

export interface LoadedBundle {
  readonly context: vm.Context;
  /** Names of the top-level function declarations Apps Script would list. */
  readonly functions: readonly string[];
  /** Runs a top-level function as the execution its name implies (onEdit a simple trigger, doPost the web app…). */
  call(fn: string, ...args: unknown[]): unknown;
  /** Runs a top-level function as an execution of the given kind (a time-driven trigger's handler). */
  callAs(kind: ExecutionKind, fn: string, ...args: unknown[]): unknown;
}

/** Simple triggers run in AuthMode.LIMITED with 30 seconds; onInstall runs with full authorization. */
export function executionKind(fn: string): ExecutionKind {
  if (fn === "onOpen" || fn === "onEdit" || fn === "onSelectionChange") return "simple trigger";
  if (fn === "doPost" || fn === "doGet") return "web app";
  return "menu or sidebar";
}

/** The top-level `function NAME(` declarations of a script, as the Apps Script editor finds them. */
export function topLevelFunctions(code: string): string[] {
  return [...code.matchAll(/^function\s+([A-Za-z_$][\w$]*)\s*\(/gm)].map((m) => m[1] as string);
}

export function readBundle(path = bundlePath): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    throw new Error(`No add-on bundle at ${path}: run \`npm run build\` first.`);
  }
}

export function loadBundle(emulator: Emulator, code = readBundle()): LoadedBundle {
  const context = vm.createContext({ ...emulator.globals, console });
  // Templates see the script's globals (include()); the script's catch blocks see service Errors.
  emulator.attachScript(context);
  new vm.Script(code, { filename: "Code.js" }).runInContext(context);
  const functions = topLevelFunctions(code);
  const callAs = (kind: ExecutionKind, fn: string, ...args: unknown[]): unknown => {
    const target: unknown = context[fn];
    if (!functions.includes(fn) || typeof target !== "function") {
      throw new Error(`Script function not found: ${fn}`);
    }
    return emulator.limits.run(kind, () => (target as (...a: unknown[]) => unknown)(...args));
  };
  return {
    context,
    functions,
    call: (fn, ...args) => callAs(executionKind(fn), fn, ...args),
    callAs,
  };
}

/** Runs each trigger as a fresh execution: the bundle loaded anew (no state kept from earlier runs). */
export function freshExecution(emulator: Emulator, code = readBundle()): TriggerRunner {
  return (trigger, event) => {
    loadBundle(emulator, code).callAs("time-driven trigger", trigger.handler, event);
  };
}
