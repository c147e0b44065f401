// The sandbox in its own process, on a free port: through `npm start` as people run it, or node directly.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

export interface SandboxProcess {
  child: ChildProcess;
  url: string;
}

/** Starts the sandbox with its state in `stateFile`; resolves once it says where it listens. */
export function launchSandbox(stateFile: string, via: "npm" | "node" = "npm"): Promise<SandboxProcess> {
  const [command, args] =
    via === "npm"
      ? ["npm", ["start", "--silent"]]
      : [process.execPath, ["--import", "tsx", join(root, "sandbox/start.ts")]];
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, PORT: "0", SANDBOX_STATE: stateFile },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /sandbox on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.on("exit", (code) => reject(new Error(`the sandbox exited with ${code}: ${out}`)));
  });
}

/** Sends SIGTERM and waits for the process to end. */
export function stopSandbox(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
