// The sandbox's stand-in for a published Google Form: GET renders an accessible HTML form of the
// emulated form's questions, POST submits one response as a respondent would.
import type { FormItemState, FormState } from "./emulator/index.ts";

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );

const field = (item: FormItemState) => `item-${item.id}`;

function question(item: FormItemState): string {
  const name = field(item);
  const required = item.required ? " required" : "";
  const mark = item.required ? ' <span aria-hidden="true">*</span>' : "";
  const title = escapeHtml(item.title);
  switch (item.kind) {
    case "LIST":
      return `<p><label for="${name}">${title}${mark}</label><br><select id="${name}" name="${name}"${required}><option value="">Choose…</option>${item.choices
        .map((c) => `<option>${escapeHtml(c)}</option>`)
        .join("")}</select></p>`;
    case "MULTIPLE_CHOICE":
    case "SCALE": {
      const options =
        item.kind === "SCALE"
          ? Array.from({ length: item.upperBound - item.lowerBound + 1 }, (_, i) =>
              String(item.lowerBound + i),
            )
          : item.choices;
      const ends =
        item.kind === "SCALE" && (item.lowerLabel || item.upperLabel)
          ? ` <span class="ends">(${escapeHtml(`${item.lowerBound}: ${item.lowerLabel}`)}; ${escapeHtml(`${item.upperBound}: ${item.upperLabel}`)})</span>`
          : "";
      return `<fieldset><legend>${title}${mark}${ends}</legend>${options
        .map(
          (o, i) =>
            `<label><input type="radio" name="${name}" value="${escapeHtml(o)}"${i === 0 ? required : ""}> ${escapeHtml(o)}</label>`,
        )
        .join(" ")}</fieldset>`;
    }
    case "TEXT":
      return `<p><label for="${name}">${title}${mark}</label><br><input id="${name}" name="${name}" type="text"${required}></p>`;
    case "PARAGRAPH_TEXT":
      return `<p><label for="${name}">${title}${mark}</label><br><textarea id="${name}" name="${name}" rows="4" cols="60"${required}></textarea></p>`;
  }
}

const page = (title: string, content: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;color:#1f1f1f;max-width:44rem;margin:2rem auto;padding:0 1rem}
fieldset{border:1px solid #5f6368;margin:1rem 0;padding:.5rem 1rem}label{margin-right:.75rem}
:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}button{font:inherit;padding:.4rem 1rem}.ends{color:#444}</style>
</head><body><main>${content}</main></body></html>`;

export function renderForm(form: FormState, problem?: string): string {
  const alert = problem ? `<p role="alert"><strong>${escapeHtml(problem)}</strong></p>` : "";
  const body = form.acceptingResponses
    ? `<form method="post">${form.items.map(question).join("\n")}<p><button type="submit">Submit</button></p></form>`
    : "<p>This form is no longer accepting responses.</p>";
  return page(
    form.title,
    `<h1>${escapeHtml(form.title)}</h1>${form.description ? `<p>${escapeHtml(form.description)}</p>` : ""}${alert}${body}`,
  );
}

export function renderThanks(form: FormState): string {
  return page(
    form.title,
    `<h1>${escapeHtml(form.title)}</h1><p role="status">Your response has been recorded.</p>`,
  );
}

/** The posted answers by item id (fields named item-<id>; anything else is ignored). */
export function answersFrom(body: string): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const match = /^item-(\d+)$/.exec(key);
    if (match?.[1]) answers[match[1]] = value;
  }
  return answers;
}
