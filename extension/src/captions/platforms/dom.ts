// DOM helpers shared by the platform adapters: layered selectors, row identity, readable text.
import { normalizeCaptionText } from "../engine";

const rowKeys = new WeakMap<Element, string>();
let rowCount = 0;

/** A stable key per caption element for as long as the element lives (the engine's row identity). */
export function rowKeyOf(element: Element): string {
  let key = rowKeys.get(element);
  if (!key) {
    key = `row-${++rowCount}`;
    rowKeys.set(element, key);
  }
  return key;
}

/** The first element matched by the earliest selector layer that matches anything. */
export function firstMatch(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/** All elements matched by the earliest selector layer that matches anything (layers never mix). */
export function allMatches(root: ParentNode, selectors: readonly string[]): Element[] {
  for (const selector of selectors) {
    const found = root.querySelectorAll(selector);
    if (found.length > 0) return Array.from(found);
  }
  return [];
}

export function textOf(element: Element | null | undefined): string {
  return element ? normalizeCaptionText(element.textContent ?? "") : "";
}

/** True when a manifest match pattern such as "https://*.zoom.us/*" covers the host. */
export function hostMatches(pattern: string, host: string): boolean {
  const match = /^[a-z*]+:\/\/([^/]+)\//.exec(pattern);
  if (!match) return false;
  const patternHost = match[1]!.toLowerCase();
  const hostname = host.toLowerCase().replace(/:\d+$/, "");
  if (patternHost === "*") return true;
  if (patternHost.startsWith("*.")) {
    const base = patternHost.slice(2);
    return hostname === base || hostname.endsWith(`.${base}`);
  }
  return hostname === patternHost;
}

/** Documents to search: the page and its same-origin frames (Zoom's web client runs in one). */
export function searchableDocuments(document: Document): Document[] {
  const documents = [document];
  for (const frame of Array.from(document.querySelectorAll("iframe"))) {
    try {
      const inner = frame.contentDocument;
      if (inner) documents.push(inner);
    } catch {
      // Cross-origin frame: not ours to read.
    }
  }
  return documents;
}
