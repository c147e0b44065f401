// Asking the background service worker: one typed call for the popup and the options page.
import browser from "webextension-polyfill";
import type { BackgroundRequest } from "../messages";

export async function ask<T>(request: BackgroundRequest): Promise<T> {
  return (await browser.runtime.sendMessage(request)) as T;
}
