// Content script for meeting tabs: captures captions with the host's adapter and answers the popup's
// "captions.recent" request. Registered only once the scribe grants the meeting host.
import browser from "webextension-polyfill";
import { TranscriptEngine } from "../captions/engine";
import { captionsRecentResponse, isCaptionsRecentRequest } from "../captions/messages";
import { observeCaptions } from "../captions/observer";
import { platformForHost } from "../captions/platforms/index";

/** A frame whose top page is readable from here: the top page's copy reads this frame already. */
function isReadableSubframe(): boolean {
  if (window.top === window) return false;
  try {
    return Boolean(window.top?.document);
  } catch {
    return false;
  }
}

function startCaptionCapture(): void {
  // The script may be injected again (registration plus an explicit injection): run once per page.
  const page = globalThis as { __peerExchangeCaptions?: true };
  if (page.__peerExchangeCaptions || isReadableSubframe()) return;
  page.__peerExchangeCaptions = true;

  const platform = platformForHost(location.host);
  const engine = new TranscriptEngine();
  const observer = observeCaptions({ platform, engine });

  const isTop = window.top === window;
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isCaptionsRecentRequest(message)) return undefined;
    observer.scanNow();
    const health = observer.health();
    // Every frame hears the question and the first answer wins: a cross-origin meeting frame answers
    // only when it shows captions, and a top page without captions answers a moment later.
    if (!isTop && health === "off") return undefined;
    const answer = () => captionsRecentResponse(engine, platform.id, message.seconds, Date.now(), health);
    if (isTop && health === "off" && document.querySelector("iframe")) {
      return new Promise((resolve) => setTimeout(() => resolve(answer()), 300));
    }
    return Promise.resolve(answer());
  });
}

startCaptionCapture();
