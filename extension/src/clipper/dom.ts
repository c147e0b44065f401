// Building UI from DOM nodes: text always goes in through textContent, never as HTML.
import { type PhiFinding, phiTypeLabels } from "../../../shared/clip/phi/types";

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children)
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`The page has no #${id}.`);
  return node as T;
}

export function clear(node: Element): void {
  node.replaceChildren();
}

/** The text with each finding wrapped in <mark> (labelled for screen readers with its type). */
export function highlighted(text: string, findings: readonly PhiFinding[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let cursor = 0;
  for (const finding of findings) {
    if (finding.start < cursor) continue;
    fragment.append(document.createTextNode(text.slice(cursor, finding.start)));
    const mark = el("mark", { title: phiTypeLabels[finding.type], "data-type": finding.type });
    mark.textContent = text.slice(finding.start, finding.end);
    mark.append(
      el("span", { class: "visually-hidden" }, ` (possible ${phiTypeLabels[finding.type].toLowerCase()})`),
    );
    fragment.append(mark);
    cursor = finding.end;
  }
  fragment.append(document.createTextNode(text.slice(cursor)));
  return fragment;
}

export function fillDatalist(list: HTMLDataListElement, values: readonly string[]): void {
  list.replaceChildren(...values.map((value) => el("option", { value })));
}

export function when(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}
