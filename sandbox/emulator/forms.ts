// FormApp: forms recorded with their items (list, scale, text, paragraph text), choices and the responses
// submitted to them (the sandbox's form page submits as a respondent would). Every script call is counted.

import { randomBytes } from "node:crypto";
import { requireAuthorization } from "./auth.ts";
import type { EmulatorEnv } from "./env.ts";
import { exception } from "./spreadsheet/context.ts";

export type FormItemKind = "LIST" | "MULTIPLE_CHOICE" | "SCALE" | "TEXT" | "PARAGRAPH_TEXT";

export interface FormItemState {
  id: number;
  kind: FormItemKind;
  title: string;
  helpText: string;
  required: boolean;
  choices: string[];
  lowerBound: number;
  upperBound: number;
  lowerLabel: string;
  upperLabel: string;
}

export interface FormResponseState {
  id: string;
  /** ISO time on the emulator clock. */
  timestamp: string;
  /** Answers by item id (text for every kind, as ItemResponse.getResponse returns them). */
  answers: Record<string, string>;
}

export interface FormState {
  id: string;
  title: string;
  description: string;
  acceptingResponses: boolean;
  items: FormItemState[];
  responses: FormResponseState[];
}

export interface FormsState {
  forms: FormState[];
  nextItemId: number;
}

// FormApp.openById: "Throws an exception if the ID is invalid or the user does not have permission."
// (developers.google.com/apps-script/reference/forms/form-app#openById(String)); Drive's wording.
export const FORM_MISSING =
  "No item with the given ID could be found, or you do not have permission to access it.";

const itemTypes = {
  LIST: "LIST",
  MULTIPLE_CHOICE: "MULTIPLE_CHOICE",
  SCALE: "SCALE",
  TEXT: "TEXT",
  PARAGRAPH_TEXT: "PARAGRAPH_TEXT",
} as const;

type ItemMethods = Pick<GoogleAppsScript.Forms.Item, "getId" | "getTitle" | "getHelpText" | "getIndex"> & {
  getType(): string;
};

/** The methods of one emulated object, looked up by name as a script calls them. */
type Methods = Record<string, (...args: never[]) => unknown>;

/** A script-visible method: counts the call (an injected fault may fire) before doing its work. */
const counted =
  (hit: (method: string) => void) =>
  <A extends unknown[], R>(method: string, fn: (...args: A) => R) =>
  (...args: A): R => {
    hit(method);
    return fn(...args);
  };

/** The FormApp global and every form "created", with sandbox-only access (submit, delete). */
export class FormsEmulator {
  private forms = new Map<string, FormState>();
  private nextItemId = 1_000_001;
  /** Where respondents answer: Google's viewform address, or the sandbox's own form page when it serves one. */
  publishedUrl: (id: string) => string = (id) => `https://docs.google.com/forms/d/${id}/viewform`;
  readonly service;

  constructor(
    private readonly env: EmulatorEnv,
    state?: FormsState,
  ) {
    if (state) this.load(state);
    this.service = {
      ItemType: itemTypes,
      create: (title: string) => {
        this.hit("FormApp", "create");
        const form: FormState = {
          id: randomBytes(22).toString("base64url"),
          title: String(title),
          description: "",
          acceptingResponses: true,
          items: [],
          responses: [],
        };
        this.forms.set(form.id, form);
        return this.formObject(form);
      },
      openById: (id: string) => {
        this.hit("FormApp", "openById");
        const form = this.forms.get(String(id));
        if (!form) throw exception(FORM_MISSING);
        return this.formObject(form);
      },
    };
  }

  private hit(service: string, method: string): void {
    this.env.hit(service, method);
    requireAuthorization(this.env, service, method);
  }

  // --- sandbox access (not counted: a respondent or a person, not the script) ---

  get(id: string): FormState | undefined {
    return this.forms.get(id);
  }

  ids(): string[] {
    return [...this.forms.keys()];
  }

  /** A person deleting the form in Drive. */
  delete(id: string): boolean {
    return this.forms.delete(id);
  }

  /**
   * A respondent submitting the published form: answers by item id. Throws, naming the question, when a
   * required item is blank, a choice is not offered or a scale answer is outside its bounds.
   */
  submit(id: string, answers: Readonly<Record<string, string>>): FormResponseState {
    const form = this.forms.get(id);
    if (!form) throw exception(FORM_MISSING);
    if (!form.acceptingResponses)
      throw exception(`The form “${form.title}” is no longer accepting responses.`);
    const kept: Record<string, string> = {};
    for (const item of form.items) {
      const answer = String(answers[String(item.id)] ?? "").trim();
      if (answer === "") {
        if (item.required) throw exception(`“${item.title}” is a required question.`);
        continue;
      }
      if ((item.kind === "LIST" || item.kind === "MULTIPLE_CHOICE") && !item.choices.includes(answer))
        throw exception(`“${answer}” is not one of the choices of “${item.title}”.`);
      if (item.kind === "SCALE") {
        const n = Number(answer);
        if (!Number.isInteger(n) || n < item.lowerBound || n > item.upperBound)
          throw exception(
            `“${item.title}” takes a whole number from ${item.lowerBound} to ${item.upperBound}.`,
          );
      }
      kept[String(item.id)] = answer;
    }
    const response: FormResponseState = {
      id: `2_${randomBytes(18).toString("base64url")}`,
      timestamp: this.env.now().toISOString(),
      answers: kept,
    };
    form.responses.push(response);
    return response;
  }

  toJSON(): FormsState {
    return structuredClone({ forms: [...this.forms.values()], nextItemId: this.nextItemId });
  }

  load(state: FormsState): void {
    this.forms = new Map((state.forms ?? []).map((f) => [f.id, structuredClone(f)]));
    this.nextItemId = state.nextItemId ?? this.nextItemId;
  }

  // --- the script's objects ---

  private formObject(form: FormState) {
    const hit = (method: string) => this.hit("Form", method);
    const add = (kind: FormItemKind) => {
      const item: FormItemState = {
        id: this.nextItemId++,
        kind,
        title: "",
        helpText: "",
        required: false,
        choices: [],
        // ScaleItem: "the lower bound ... 0 or 1 ... the upper bound 3 to 10" (reference/forms/scale-item).
        lowerBound: 1,
        upperBound: 5,
        lowerLabel: "",
        upperLabel: "",
      };
      form.items.push(item);
      return this.itemObject(form, item);
    };
    const on = counted(hit);
    const self: Methods = {
      getId: on("getId", () => form.id),
      getTitle: on("getTitle", () => form.title),
      setTitle: on("setTitle", (title: string) => {
        form.title = String(title);
        return self;
      }),
      getDescription: on("getDescription", () => form.description),
      setDescription: on("setDescription", (text: string) => {
        form.description = String(text);
        return self;
      }),
      isAcceptingResponses: on("isAcceptingResponses", () => form.acceptingResponses),
      setAcceptingResponses: on("setAcceptingResponses", (accepting: boolean) => {
        form.acceptingResponses = accepting === true;
        return self;
      }),
      getEditUrl: on("getEditUrl", () => `https://docs.google.com/forms/d/${form.id}/edit`),
      getPublishedUrl: on("getPublishedUrl", () => this.publishedUrl(form.id)),
      addListItem: on("addListItem", () => add("LIST")),
      addMultipleChoiceItem: on("addMultipleChoiceItem", () => add("MULTIPLE_CHOICE")),
      addScaleItem: on("addScaleItem", () => add("SCALE")),
      addTextItem: on("addTextItem", () => add("TEXT")),
      addParagraphTextItem: on("addParagraphTextItem", () => add("PARAGRAPH_TEXT")),
      getItems: on("getItems", () => form.items.map((item) => this.itemObject(form, item))),
      getItemById: (id: number) => {
        hit("getItemById");
        const item = form.items.find((i) => i.id === Number(id));
        return item ? this.itemObject(form, item) : null;
      },
      // Form.getResponses(): every response; getResponses(timestamp): those after it (reference/forms/form).
      getResponses: (after?: Date) => {
        hit("getResponses");
        const since = after ? after.getTime() : Number.NEGATIVE_INFINITY;
        return form.responses
          .filter((r) => Date.parse(r.timestamp) > since)
          .map((r) => this.responseObject(form, r));
      },
    };
    return self;
  }

  private itemObject(form: FormState, item: FormItemState) {
    const hit = (method: string) => this.hit("Item", method);
    const on = counted(hit);
    const base: ItemMethods = {
      getId: on("getId", () => item.id),
      getTitle: on("getTitle", () => item.title),
      getHelpText: on("getHelpText", () => item.helpText),
      getIndex: on("getIndex", () => form.items.indexOf(item)),
      getType: on("getType", () => item.kind),
    };
    const self: Methods = {
      ...base,
      setTitle: on("setTitle", (title: string) => {
        item.title = String(title);
        return self;
      }),
      setHelpText: on("setHelpText", (text: string) => {
        item.helpText = String(text);
        return self;
      }),
      setRequired: on("setRequired", (required: boolean) => {
        item.required = required === true;
        return self;
      }),
      isRequired: on("isRequired", () => item.required),
      setChoiceValues: (values: string[]) => {
        hit("setChoiceValues");
        if (item.kind !== "LIST" && item.kind !== "MULTIPLE_CHOICE")
          throw exception("setChoiceValues is only available on list and multiple-choice items.");
        // Choices are text; Forms refuses an empty list of choices.
        const choices = values.map((v) => String(v));
        if (choices.length === 0) throw exception("Invalid argument: values");
        item.choices = choices;
        return self;
      },
      getChoices: on("getChoices", () => item.choices.map((value) => ({ getValue: () => value }))),
      setBounds: (lower: number, upper: number) => {
        hit("setBounds");
        // "lower: 0 or 1; upper: 3 to 10" (reference/forms/scale-item#setBounds(Integer,Integer)).
        if ((lower !== 0 && lower !== 1) || !Number.isInteger(upper) || upper < 3 || upper > 10)
          throw exception("Invalid argument: bounds");
        item.lowerBound = lower;
        item.upperBound = upper;
        return self;
      },
      getLowerBound: on("getLowerBound", () => item.lowerBound),
      getUpperBound: on("getUpperBound", () => item.upperBound),
      setLabels: on("setLabels", (lower: string, upper: string) => {
        item.lowerLabel = String(lower);
        item.upperLabel = String(upper);
        return self;
      }),
      asListItem: () => self,
      asMultipleChoiceItem: () => self,
      asScaleItem: () => self,
      asTextItem: () => self,
      asParagraphTextItem: () => self,
    };
    return self;
  }

  private responseObject(form: FormState, response: FormResponseState) {
    const hit = (method: string) => this.hit("FormResponse", method);
    const on = counted(hit);
    const answer = counted((method) => this.hit("ItemResponse", method));
    return {
      getId: on("getId", () => response.id),
      getTimestamp: on("getTimestamp", () => new Date(response.timestamp)),
      getRespondentEmail: on("getRespondentEmail", () => ""),
      // Only answered items are listed (reference/forms/form-response#getItemResponses()).
      getItemResponses: () => {
        hit("getItemResponses");
        return form.items
          .filter((item) => response.answers[String(item.id)] !== undefined)
          .map((item) => ({
            getItem: answer("getItem", () => this.itemObject(form, item)),
            // A ScaleItem's answer is a String, like a text item's (reference/forms/item-response#getResponse()).
            getResponse: answer("getResponse", () => response.answers[String(item.id)]),
          }));
      },
    };
  }
}
