// Drives the sandbox server's POST /exec the way many Clipper extensions would: each client with its own
// scribe token sends its clips in batches, retries retryable errors, and re-sends a batch whose answer it
// "lost". Shared by the endpoint's HTTP test and the endpoint bench.
import { randomUUID } from "node:crypto";
import type { ClipInput, EndpointResponse } from "../../shared/clip/protocol.ts";
import { decodeConnectionCode } from "../../shared/clip/tokens.ts";

export interface LoadOptions {
  clients: number;
  clipsPerClient: number;
  /** Clips per request (default 10). */
  batchSize?: number;
  /** Each client sends its first batch again at the end, as after a lost response (default true). */
  resendFirstBatch?: boolean;
}

export interface LoadResult {
  sentIds: string[];
  requests: number;
  retries: number;
  elapsedMs: number;
  /** Clips whose final answer was neither added nor duplicate (must be none). */
  unsettled: string[];
  /** Each request's time from send to parsed answer, in ms. */
  latenciesMs: number[];
  /** Requests that failed at the connection (reset, refused): must be none. */
  connectionErrors: number;
}

async function postJson(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "text/plain" },
    body: JSON.stringify(body),
  });
  return response.json();
}

/** Set up / repair the server's workbook and connect `count` scribes; returns their tokens. */
export async function connectScribes(baseUrl: string, count: number): Promise<string[]> {
  await postJson(`${baseUrl}/api/run`, { fn: "setUpWorkbook", args: [], responses: ["OK"] });
  const tokens: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const answer = (await postJson(`${baseUrl}/api/run`, {
      fn: "connectScribe",
      args: [],
      responses: [{ button: "OK", text: `Scribe ${i + 1}` }],
    })) as { ok: boolean; result?: { connectionCode?: string } };
    const decoded = decodeConnectionCode(answer.result?.connectionCode ?? "");
    if (!decoded.ok) throw new Error(`connectScribe gave no code: ${JSON.stringify(answer).slice(0, 300)}`);
    tokens.push(decoded.value.token);
  }
  return tokens;
}

export function makeClip(n: number): ClipInput {
  return {
    id: randomUUID(),
    capturedAt: new Date(Date.UTC(2026, 2, 4, 9, 0, n % 60)).toISOString(),
    kind: "insight",
    text: `Load clip ${n}: teach-back at discharge cut readmissions.`,
    tags: ["load test"],
    source: { platform: "meet", url: "https://meet.google.com/abc-defg-hij", title: "Exchange" },
    confidential: false,
    phi: { checked: true, findings: 0, types: [], action: "none" },
  };
}

export async function runClipLoad(
  baseUrl: string,
  tokens: readonly string[],
  options: LoadOptions,
): Promise<LoadResult> {
  const batchSize = options.batchSize ?? 10;
  const resend = options.resendFirstBatch ?? true;
  const sentIds: string[] = [];
  const unsettled: string[] = [];
  let requests = 0;
  let retries = 0;
  let connectionErrors = 0;
  const latenciesMs: number[] = [];

  const send = async (token: string, clips: ClipInput[]): Promise<void> => {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      requests += 1;
      const sentAt = performance.now();
      let response: EndpointResponse;
      try {
        response = (await postJson(`${baseUrl}/exec`, {
          v: 1,
          token,
          op: "clip",
          clips,
        })) as EndpointResponse;
      } catch {
        connectionErrors += 1;
        continue;
      }
      latenciesMs.push(performance.now() - sentAt);
      if (response.ok && response.op === "clip") {
        for (const result of response.results) {
          if (result.status === "rejected") unsettled.push(`${result.id}: ${result.reason}`);
        }
        return;
      }
      if (response.ok || !response.error.retryable) {
        unsettled.push(...clips.map((c) => `${c.id}: ${JSON.stringify(response).slice(0, 200)}`));
        return;
      }
      retries += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    unsettled.push(...clips.map((c) => `${c.id}: gave up after 50 attempts`));
  };

  const client = async (token: string, index: number): Promise<void> => {
    const clips = Array.from({ length: options.clipsPerClient }, (_, i) =>
      makeClip(index * options.clipsPerClient + i),
    );
    sentIds.push(...clips.map((c) => c.id));
    const batches: ClipInput[][] = [];
    for (let at = 0; at < clips.length; at += batchSize) batches.push(clips.slice(at, at + batchSize));
    for (const batch of batches) await send(token, batch);
    if (resend && batches[0]) await send(token, batches[0]);
  };

  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.clients }, (_, i) => client(tokens[i % tokens.length] as string, i)),
  );
  return {
    sentIds,
    requests,
    retries,
    elapsedMs: performance.now() - started,
    unsettled,
    latenciesMs,
    connectionErrors,
  };
}

/** The Clip id column of the server's Insights tab. */
export async function landedIds(baseUrl: string): Promise<string[]> {
  const workbook = (await (await fetch(`${baseUrl}/api/workbook`)).json()) as {
    sheets: { name: string; values: unknown[][] }[];
  };
  const insights = workbook.sheets.find((s) => s.name === "Insights");
  if (!insights) throw new Error("The sandbox workbook has no Insights tab.");
  const column = (insights.values[0] ?? []).indexOf("Clip id");
  return insights.values
    .slice(1)
    .map((row) => String(row[column] ?? ""))
    .filter((id) => id !== "");
}
