// The tag picker: chips for chosen tags, a text field with the workbook's tags as suggestions.
import { el } from "../clipper/dom";

/** "Infection control, sepsis" → ["Infection control", "sepsis"]: trimmed, de-duplicated ignoring case. */
export function parseTags(text: string, existing: readonly string[] = []): string[] {
  const out = [...existing];
  for (const raw of text.split(",")) {
    const tag = raw.trim().replace(/\s+/g, " ");
    if (tag && !out.some((t) => t.toLowerCase() === tag.toLowerCase())) out.push(tag);
  }
  return out;
}

export class TagPicker {
  tags: string[] = [];

  constructor(
    private readonly chips: HTMLUListElement,
    private readonly input: HTMLInputElement,
    private readonly onChange: () => void = () => undefined,
  ) {
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === ",") {
        if (input.value.trim()) {
          event.preventDefault();
          this.commit();
        }
      } else if (event.key === "Backspace" && input.value === "" && this.tags.length) {
        this.set(this.tags.slice(0, -1));
      }
    });
    // Picking a suggestion from the list fires "input" with the full value.
    input.addEventListener("change", () => this.commit());
  }

  /** Adds whatever is typed in the field; called before submit too, so a typed tag is not lost. */
  commit(): void {
    if (!this.input.value.trim()) return;
    this.set(parseTags(this.input.value, this.tags));
    this.input.value = "";
  }

  set(tags: readonly string[]): void {
    this.tags = [...tags];
    this.chips.replaceChildren(
      ...this.tags.map((tag) => {
        const remove = el("button", { type: "button", "aria-label": `Remove tag ${tag}` }, "×");
        remove.addEventListener("click", () => {
          this.set(this.tags.filter((t) => t !== tag));
          this.input.focus();
        });
        return el("li", {}, tag, remove);
      }),
    );
    this.onChange();
  }
}
