// Runs a platform adapter against the live page: finds the caption container, reads its rows on
// mutations (throttled) into the engine, and finds the container again when the page replaces it
// (captions turned off and on).
import type { TranscriptEngine } from "./engine";
import type { CaptionPlatform } from "./platforms/types";

export interface CaptionObserverOptions {
  platform: CaptionPlatform;
  engine: TranscriptEngine;
  document?: Document;
  /** The clock fed to the engine. */
  now?: () => number;
  /** At most one reading per this many ms while captions change. */
  throttleMs?: number;
  /** Looks for a lost container and settles quiet lines this often (covers frames the page observer cannot see). */
  pollMs?: number;
  /** A shown caption container with no readable row for this long means the platform's markup changed. */
  unreadableMs?: number;
}

/**
 * What the scribe is told about capture: reading; no caption container (captions off); or a container
 * that shows text the adapter cannot read as rows (the platform changed its markup).
 */
export type CaptureHealth = "reading" | "off" | "unreadable";

export interface CaptionObserver {
  /** Reads the rows now (pending mutations included). */
  scanNow(): void;
  stop(): void;
  readonly container: Element | null;
  /** How many times a container was found (1 on first attach; +1 after each off and on). */
  readonly attachCount: number;
  health(): CaptureHealth;
}

export function observeCaptions(options: CaptionObserverOptions): CaptionObserver {
  const { platform, engine } = options;
  const doc = options.document ?? document;
  const now = options.now ?? (() => Date.now());
  const throttleMs = options.throttleMs ?? 120;
  const pollMs = options.pollMs ?? 500;
  const unreadableMs = options.unreadableMs ?? 5000;
  let container: Element | null = null;
  /** Since when the container shows text and no row could be read from it (null while rows are read). */
  let unreadableSince: number | null = null;
  let attachCount = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const containerObserver = new MutationObserver(() => schedule());
  // Cheap while attached: one isConnected check per batch of page mutations.
  const pageObserver = new MutationObserver(() => {
    if (!container?.isConnected) schedule();
  });

  let lastScan = Number.NEGATIVE_INFINITY;

  /**
   * Reads at once after a quiet spell, else once the throttle time has passed since the last reading:
   * a short line the platform shows for a moment (then rewrites) is still read.
   */
  function schedule(): void {
    if (timer !== null || stopped) return;
    const wait = Math.max(0, lastScan + throttleMs - Date.now());
    timer = setTimeout(() => {
      timer = null;
      scanNow();
    }, wait);
  }

  function attach(): void {
    // A removed container keeps its subtree: read its last words before letting it go.
    if (container && !container.isConnected) engine.updateRows(platform.readRows(container), now());
    const found = platform.findContainer(doc);
    if (found === container) return;
    containerObserver.disconnect();
    const lost = container !== null;
    container = found;
    if (container) {
      attachCount++;
      containerObserver.observe(container, { childList: true, subtree: true, characterData: true });
    } else if (lost) {
      // An empty reading tells the engine the rows are gone (not re-rendered).
      engine.updateRows([], now());
    }
  }

  function scanNow(): void {
    if (stopped) return;
    lastScan = Date.now();
    containerObserver.takeRecords();
    if (!container?.isConnected) attach();
    const at = now();
    if (!container) {
      unreadableSince = null;
      engine.tick(at);
      return;
    }
    const rows = platform.readRows(container);
    const shown = rows.length === 0 && (container.textContent ?? "").trim().length > 0;
    unreadableSince = shown ? (unreadableSince ?? at) : null;
    engine.updateRows(rows, at);
  }

  const poll = setInterval(() => {
    if (!container?.isConnected) scanNow();
    else engine.tick(now());
  }, pollMs);

  pageObserver.observe(doc.documentElement, { childList: true, subtree: true });
  scanNow();

  return {
    scanNow,
    stop(): void {
      stopped = true;
      containerObserver.disconnect();
      pageObserver.disconnect();
      if (timer !== null) clearTimeout(timer);
      clearInterval(poll);
    },
    get container() {
      return container;
    },
    get attachCount() {
      return attachCount;
    },
    health(): CaptureHealth {
      if (!container?.isConnected) return "off";
      return unreadableSince !== null && now() - unreadableSince >= unreadableMs ? "unreadable" : "reading";
    },
  };
}
