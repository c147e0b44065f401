// Coming back online: Chromium fires no `online` event in the background service worker
// (crbug.com/114475), so each open extension page passes it on and the queue is sent at once.
import { ask } from "./ask";

export function sendQueueWhenOnline(target: Pick<Window, "addEventListener"> = window): void {
  target.addEventListener("online", () => {
    void ask({ type: "queue.flush" }).catch(() => undefined);
  });
}
