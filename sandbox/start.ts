// `npm start`: build if the bundle is missing or older than its sources, then serve the sandbox.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundlePath } from "./bundle.ts";
import { startServer } from "./server.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sources = ["apps-script", "shared", "extension"].map((dir) => join(root, dir)).filter(existsSync);
const stale =
  !existsSync(bundlePath) || Math.max(...sources.map(newestSource)) > statSync(bundlePath).mtimeMs;
if (stale) {
  console.log("Building the add-on and the extension…");
  execFileSync(
    process.execPath,
    [join(root, "node_modules/tsx/dist/cli.mjs"), join(root, "scripts/build.ts")],
    {
      stdio: "inherit",
    },
  );
}

const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0–65535), not “${process.env.PORT}”.`);
  process.exit(1);
}
const stateFile = process.env.SANDBOX_STATE ?? join(root, ".sandbox/state.json");
const firstStart = !existsSync(stateFile);
const server = await startServer({ port, stateFile });
// The first start opens on the whole demo exchange, Dashboard included; Reset… on the page empties it.
if (firstStart) {
  const loaded = await fetch(`${server.url}/api/reset`, {
    method: "POST",
    body: JSON.stringify({ demo: true }),
  });
  console.log(
    loaded.ok ? "Loaded the demo exchange (first start)." : "The demo exchange could not be loaded.",
  );
}
console.log(`Peer Exchange sandbox on ${server.url}`);
console.log(`  workbook viewer   ${server.url}/`);
console.log(`  clip endpoint     POST ${server.url}/exec`);
console.log(`  state             ${stateFile}`);
const stop = (): void => {
  server.close().finally(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
