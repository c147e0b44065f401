// Builds the add-on bundle (dist/apps-script) and both extension builds (dist/extension/{chromium,firefox}).
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { appsScriptManifest } from "../apps-script/appsscript.ts";
import { type Browser, browsers, extensionManifest } from "../extension/manifest/manifest.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const globalName = "PeerExchange";

/** The exports of the entry file, read from an ESM build's metafile (IIFE output does not list them). */
async function entryExports(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    write: false,
    metafile: true,
    outdir: "out",
    logLevel: "silent",
  });
  const outputs = Object.values(result.metafile.outputs);
  const names = outputs.flatMap((output) => output.exports);
  return [...new Set(names)].sort();
}

/** Apps Script only sees top-level function declarations: one delegating function per export. */
export function footerFor(names: readonly string[]): string {
  const lines = names.map(
    (name) => `function ${name}() {\n  return ${globalName}.${name}.apply(this, arguments);\n}`,
  );
  return `\n// Generated: one top-level function per export of apps-script/src/main.ts.\n${lines.join("\n")}\n`;
}

async function buildAppsScript(): Promise<void> {
  const entry = join(root, "apps-script/src/main.ts");
  const out = join(dist, "apps-script");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const names = await entryExports(entry);
  await build({
    entryPoints: [entry],
    bundle: true,
    format: "iife",
    globalName,
    target: "es2019",
    platform: "neutral",
    outfile: join(out, "Code.js"),
    footer: { js: footerFor(names) },
    legalComments: "none",
    logLevel: "warning",
  });
  writeFileSync(join(out, "appsscript.json"), `${JSON.stringify(appsScriptManifest, null, 2)}\n`);
  const html = join(root, "apps-script/html");
  if (existsSync(html)) {
    for (const file of readdirSync(html))
      if (file.endsWith(".html")) cpSync(join(html, file), join(out, file));
  }
}

/** Every entry script of the extension: background, popup, options and content scripts. */
function extensionEntries(): Record<string, string> {
  const src = join(root, "extension/src");
  const entries: Record<string, string> = {};
  const candidates: Record<string, string> = {
    background: "background/index.ts",
    popup: "popup/popup.ts",
    options: "options/options.ts",
    selection: "content/selection.ts",
    captions: "content/captions.ts",
  };
  for (const [name, file] of Object.entries(candidates)) {
    if (existsSync(join(src, file))) entries[name] = join(src, file);
  }
  return entries;
}

async function buildExtension(browser: Browser): Promise<void> {
  const out = join(dist, "extension", browser);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: extensionEntries(),
    bundle: true,
    format: "iife",
    target: browser === "chromium" ? "chrome120" : "firefox128",
    outdir: out,
    legalComments: "none",
    define: { __BROWSER__: JSON.stringify(browser) },
    logLevel: "warning",
  });
  const statics = join(root, "extension/static");
  if (existsSync(statics)) cpSync(statics, out, { recursive: true });
  writeFileSync(join(out, "manifest.json"), `${JSON.stringify(extensionManifest(browser), null, 2)}\n`);
}

async function main(): Promise<void> {
  await buildAppsScript();
  for (const browser of browsers) await buildExtension(browser);
  console.log(
    `built ${relative(root, dist)}/apps-script and ${browsers.map((b) => `extension/${b}`).join(", ")}`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
