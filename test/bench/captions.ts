// Caption engine workload for the bench table: a synthetic 60-minute meeting (turns, corrections,
// re-rendered rows with ten blocks kept on screen, late corrections seconds after a turn, captions off
// and on), fed reading by reading.
import { TranscriptEngine } from "../../extension/src/captions/engine.ts";
import { type CaptionReading, syntheticMeeting } from "../helpers/captionStreams.ts";

export interface CaptionEngineBench {
  minutes: number;
  /** Caption-row updates fed to the engine. */
  updates: number;
  /** CPU time of the engine alone (the readings are made beforehand). */
  cpuMs: number;
  /** CPU time per row update, in microseconds. */
  usPerUpdate: number;
  /** Heap in use above the level before the engine ran, at its highest (sampled). */
  peakHeapBytes: number;
  /** UTF-8 size of the whole settled transcript, "Speaker: text" per line. */
  transcriptBytes: number;
  /** Settled lines over the meeting. */
  lines: number;
}

export function benchCaptionEngine(minutes = 60): CaptionEngineBench {
  const meeting = syntheticMeeting({
    minutes,
    seed: 5,
    captionsOffEveryMs: 7 * 60_000,
    keepRows: 10,
    replaceRate: 0.03,
    lateCorrectionRate: 0.2,
  });
  const readings: CaptionReading[] = [...meeting.readings];
  const encoder = new TextEncoder();
  // A line corrected late settles again: its last settling counts (lines are known by start and speaker).
  const lineBytes = new Map<string, number>();
  const engine = new TranscriptEngine({
    onSettled: (line) => {
      lineBytes.set(
        `${line.start} ${line.speaker}`,
        encoder.encode(`${line.speaker}: ${line.text}\n`).length,
      );
    },
  });
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  let updates = 0;
  const cpu = process.cpuUsage();
  for (const [index, reading] of readings.entries()) {
    engine.updateRows(reading.rows, reading.at);
    updates += reading.rows.length;
    if (index % 256 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const last = readings[readings.length - 1]?.at ?? 0;
  engine.flush(last + 10_000);
  const used = process.cpuUsage(cpu);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return {
    minutes,
    updates,
    cpuMs: Math.round((used.user + used.system) / 1000),
    usPerUpdate: Math.round(((used.user + used.system) / Math.max(1, updates)) * 100) / 100,
    peakHeapBytes: peak - baseline,
    transcriptBytes: [...lineBytes.values()].reduce((sum, bytes) => sum + bytes, 0),
    lines: lineBytes.size,
  };
}
