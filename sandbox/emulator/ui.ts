// The spreadsheet's Ui: menus, alerts, prompts, sidebars, dialogs and toasts are recorded as events;
// a test (or the sandbox's /api/run) scripts the person's answers in order. Unscripted, a dialog is
// closed (Button.CLOSE, empty prompt text).

import type { EmulatorEnv } from "./env.ts";
import { exception } from "./spreadsheet/context.ts";

export const Button = { CLOSE: "CLOSE", OK: "OK", CANCEL: "CANCEL", YES: "YES", NO: "NO" } as const;
export type ButtonName = keyof typeof Button;
export const ButtonSet = {
  OK: "OK",
  OK_CANCEL: "OK_CANCEL",
  YES_NO: "YES_NO",
  YES_NO_CANCEL: "YES_NO_CANCEL",
} as const;
export type ButtonSetName = keyof typeof ButtonSet;

const buttonsOf: Record<ButtonSetName, ButtonName[]> = {
  OK: ["OK"],
  OK_CANCEL: ["OK", "CANCEL"],
  YES_NO: ["YES", "NO"],
  YES_NO_CANCEL: ["YES", "NO", "CANCEL"],
};

/** A scripted answer: a button name, or for a prompt the button and the text typed. */
export type UiResponse = ButtonName | { button: ButtonName; text?: string };
/** What respondWith accepts from outside (the sandbox's /api/run): checked when the answer is used. */
export type LooseUiResponse = string | { button?: string; text?: string };

/** A menu entry: an item calling a top-level function, a separator, or a submenu (fn "" and its items). */
export type MenuItem = { label: string; fn: string; items?: MenuItem[] } | "separator";

export interface RecordedMenu {
  name: string;
  /** Built with createAddonMenu (shown under Extensions). */
  addon: boolean;
  items: MenuItem[];
}

export interface UiEvent {
  type: "menu" | "alert" | "prompt" | "sidebar" | "dialog" | "toast";
  title?: string;
  message?: string;
  html?: string;
  buttons?: ButtonSetName;
  /** The button the person pressed (alert, prompt). */
  response?: ButtonName;
  /** What the person typed (prompt). */
  text?: string;
  items?: MenuItem[];
  modal?: boolean;
  width?: number | null;
  height?: number | null;
  timeoutSeconds?: number;
}

/** The shape of HtmlOutput the Ui reads (HtmlOutput from the emulator or any look-alike). */
interface HtmlLike {
  getContent(): string;
  getTitle?(): string;
  getWidth?(): number | null;
  getHeight?(): number | null;
  describe?(): { content: string; title: string; width: number | null; height: number | null };
}

const notFromWebApp = "Cannot call SpreadsheetApp.getUi() from this context.";

function isButtonSet(value: unknown): value is ButtonSetName {
  return typeof value === "string" && value in ButtonSet;
}

function htmlOf(output: HtmlLike): {
  html: string;
  title: string;
  width: number | null;
  height: number | null;
} {
  if (typeof output?.describe === "function") {
    const d = output.describe();
    return { html: d.content, title: d.title, width: d.width, height: d.height };
  }
  return {
    html: String(output?.getContent?.() ?? ""),
    title: String(output?.getTitle?.() ?? ""),
    width: output?.getWidth?.() ?? null,
    height: output?.getHeight?.() ?? null,
  };
}

export class UiRecorder {
  events: UiEvent[] = [];
  menus: RecordedMenu[] = [];
  private responses: LooseUiResponse[] = [];
  /**
   * The sandbox's interactive runs: the first alert or prompt that offers a choice and has no scripted
   * answer stops the run (the server then restores the workbook and asks the person in the browser).
   */
  interactive = false;
  /** The dialog an interactive run stopped at, with the buttons it offers. */
  awaiting: (UiEvent & { choices: ButtonName[] }) | null = null;

  constructor(
    private readonly env: EmulatorEnv,
    /** The add-on menu's name (Extensions ▸ name). */
    readonly addonName = "Peer Exchange",
  ) {}

  /** Queue the person's answers to the next alerts and prompts, in order. */
  respondWith(responses: readonly (UiResponse | LooseUiResponse)[]): void {
    this.responses.push(...responses);
  }

  /** Drop answers scripted for an earlier run and not used by it. */
  clearResponses(): void {
    this.responses = [];
  }

  /** Answers scripted but not yet used. */
  pendingResponses(): readonly LooseUiResponse[] {
    return [...this.responses];
  }

  /** The events so far, and forget them (menus stay in `menus`). */
  takeEvents(): UiEvent[] {
    const taken = this.events;
    this.events = [];
    return taken;
  }

  /** Forget events, menus and unused responses. */
  reset(): void {
    this.events = [];
    this.menus = [];
    this.responses = [];
  }

  /** Spreadsheet.toast, recorded here so every message the person sees is in one list. */
  toast(message: string, title = "", timeoutSeconds = 5): void {
    this.events.push({ type: "toast", message: String(message), title: String(title ?? ""), timeoutSeconds });
  }

  /** What SpreadsheetApp.getUi() returns; a web app has no Ui. */
  getUi(): GoogleAppsScript.Base.Ui {
    this.assertContext();
    return this.ui();
  }

  /** The Ui object (not counted as getUi; use getUi() for the context check). */
  ui(): GoogleAppsScript.Base.Ui {
    const hit = (method: string) => {
      this.env.hit("Ui", method);
      this.assertContext();
    };
    const ui = {
      Button,
      ButtonSet,
      createMenu: (caption: string) => {
        hit("createMenu");
        return this.menu(String(caption), false);
      },
      createAddonMenu: () => {
        hit("createAddonMenu");
        return this.menu(this.addonName, true);
      },
      alert: (...args: unknown[]) => {
        hit("alert");
        const { title, message, buttons } = this.dialogArgs(args);
        const response = this.answer("alert", buttons, { type: "alert", title, message, buttons });
        this.events.push({ type: "alert", title, message, buttons, response: response.button });
        return response.button;
      },
      prompt: (...args: unknown[]) => {
        hit("prompt");
        const { title, message, buttons } = this.dialogArgs(args);
        const { button, text } = this.answer("prompt", buttons, { type: "prompt", title, message, buttons });
        this.events.push({ type: "prompt", title, message, buttons, response: button, text });
        return {
          getResponseText: () => text,
          getSelectedButton: () => button,
        };
      },
      showSidebar: (output: HtmlLike) => {
        hit("showSidebar");
        const { html, title, width } = htmlOf(output);
        this.events.push({ type: "sidebar", title, html, width });
      },
      showModalDialog: (output: HtmlLike, title: string) => {
        hit("showModalDialog");
        const shown = htmlOf(output);
        this.events.push({ type: "dialog", modal: true, ...shown, title: String(title) });
      },
      showModelessDialog: (output: HtmlLike, title: string) => {
        hit("showModelessDialog");
        const shown = htmlOf(output);
        this.events.push({ type: "dialog", modal: false, ...shown, title: String(title) });
      },
    };
    return ui as unknown as GoogleAppsScript.Base.Ui;
  }

  private assertContext(): void {
    if (this.env.context === "webapp") throw exception(notFromWebApp);
  }

  /** alert(prompt) / alert(prompt, buttons) / alert(title, prompt, buttons); the same for prompt. */
  private dialogArgs(args: unknown[]): { title: string; message: string; buttons: ButtonSetName } {
    if (args.length >= 3)
      return { title: String(args[0]), message: String(args[1]), buttons: buttonSet(args[2]) };
    if (args.length === 2) return { title: "", message: String(args[0]), buttons: buttonSet(args[1]) };
    return { title: "", message: String(args[0]), buttons: "OK" };
  }

  private answer(
    kind: "alert" | "prompt",
    buttons: ButtonSetName,
    shown: UiEvent,
  ): { button: ButtonName; text: string } {
    const next = this.responses.shift();
    if (next === undefined) {
      const choices = buttonsOf[buttons];
      if (this.interactive && (kind === "prompt" || choices.length > 1)) {
        this.awaiting = { ...shown, choices };
        const stop = new Error(`Waiting for an answer to “${shown.title || shown.message}”.`);
        stop.name = "AwaitingAnswer";
        throw stop;
      }
      return { button: "CLOSE", text: "" };
    }
    // A prompt answered with text alone pressed OK (or YES where there is no OK).
    const named = typeof next === "string" ? next : (next.button ?? buttonsOf[buttons][0]!);
    const button = String(named).toUpperCase() as ButtonName;
    const text = typeof next === "string" ? "" : String(next.text ?? "");
    if (!(button in Button)) {
      throw exception(
        `Scripted response "${String(named)}" is not a button: use OK, CANCEL, YES, NO or CLOSE.`,
      );
    }
    if (button !== "CLOSE" && !buttonsOf[buttons].includes(button)) {
      throw exception(
        `Scripted response "${button}" is not a button of this ${kind} (${buttonsOf[buttons].join(", ")}).`,
      );
    }
    return { button, text };
  }

  private menu(name: string, addon: boolean) {
    const recorder = this;
    const items: MenuItem[] = [];
    const env = this.env;
    const menu = {
      addItem(caption: string, functionName: string) {
        env.hit("Menu", "addItem");
        items.push({ label: String(caption), fn: String(functionName) });
        return menu;
      },
      addSeparator() {
        env.hit("Menu", "addSeparator");
        items.push("separator");
        return menu;
      },
      addSubMenu(sub: { __items?: () => { name: string; items: MenuItem[] } }) {
        env.hit("Menu", "addSubMenu");
        const built = sub.__items?.();
        if (!built) throw exception("Invalid argument: menu");
        items.push({ label: built.name, fn: "", items: structuredClone(built.items) });
        return menu;
      },
      addToUi() {
        env.hit("Menu", "addToUi");
        recorder.assertContext();
        const recorded: RecordedMenu = { name, addon, items: structuredClone(items) };
        // Sheets rebuilds menus on every open: a menu of the same name replaces the old one.
        recorder.menus = recorder.menus
          .filter((m) => !(m.name === name && m.addon === addon))
          .concat(recorded);
        recorder.events.push({ type: "menu", title: name, items: structuredClone(items) });
      },
      __items: () => ({ name, items }),
    };
    return menu;
  }
}

function buttonSet(value: unknown): ButtonSetName {
  if (!isButtonSet(value)) throw exception(`Invalid argument: buttons (${String(value)})`);
  return value;
}
