// Protected ranges and sheets (Range.protect(), Sheet.protect()): recorded with their description,
// warning-only flag and editors; nothing is enforced, since the script runs as an editor.
import type { Rect } from "./a1.ts";
import type { ServiceContext } from "./context.ts";
import type { ProtectionModel, SheetModel } from "./model.ts";
import { Range } from "./range.ts";

export function newProtection(
  sheet: SheetModel,
  type: "RANGE" | "SHEET",
  rect: Rect | null,
): ProtectionModel {
  const book = sheet.book;
  const model: ProtectionModel = {
    id: book.nextProtectionId++,
    type,
    sheet,
    rect,
    description: "",
    warningOnly: false,
    editors: [],
    domainEdit: true,
    unprotected: [],
    removed: false,
  };
  book.protections.push(model);
  return model;
}

function emailOf(user: unknown): string {
  if (typeof user === "string") return user;
  const withEmail = user as { getEmail?: () => string };
  return typeof withEmail?.getEmail === "function" ? withEmail.getEmail() : String(user);
}

/** A user as Protection.getEditors() returns one. */
class ProtectionUser {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
  getUserLoginId(): string {
    return this.email;
  }
}

export class Protection {
  constructor(
    private readonly ctx: ServiceContext,
    readonly model: ProtectionModel,
  ) {}

  private hit(method: string): void {
    this.ctx.hit("Protection", method);
  }

  setDescription(description: string): this {
    this.hit("setDescription");
    this.model.description = String(description);
    return this;
  }

  getDescription(): string {
    this.hit("getDescription");
    return this.model.description;
  }

  setWarningOnly(warningOnly: boolean): this {
    this.hit("setWarningOnly");
    this.model.warningOnly = !!warningOnly;
    return this;
  }

  isWarningOnly(): boolean {
    this.hit("isWarningOnly");
    return this.model.warningOnly;
  }

  addEditor(user: unknown): this {
    this.hit("addEditor");
    const email = emailOf(user);
    if (!this.model.editors.includes(email)) this.model.editors.push(email);
    return this;
  }

  addEditors(users: unknown[]): this {
    this.hit("addEditors");
    for (const user of users) {
      const email = emailOf(user);
      if (!this.model.editors.includes(email)) this.model.editors.push(email);
    }
    return this;
  }

  removeEditor(user: unknown): this {
    this.hit("removeEditor");
    const email = emailOf(user);
    this.model.editors = this.model.editors.filter((e) => e !== email);
    return this;
  }

  removeEditors(users: unknown[]): this {
    this.hit("removeEditors");
    const emails = users.map(emailOf);
    this.model.editors = this.model.editors.filter((e) => !emails.includes(e));
    return this;
  }

  getEditors(): ProtectionUser[] {
    this.hit("getEditors");
    return this.model.editors.map((e) => new ProtectionUser(e));
  }

  setDomainEdit(editable: boolean): this {
    this.hit("setDomainEdit");
    this.model.domainEdit = !!editable;
    return this;
  }

  canDomainEdit(): boolean {
    this.hit("canDomainEdit");
    return this.model.domainEdit;
  }

  canEdit(): boolean {
    this.hit("canEdit");
    return true;
  }

  getProtectionType(): string {
    this.hit("getProtectionType");
    return this.model.type;
  }

  getRange(): Range {
    this.hit("getRange");
    const rect = this.model.rect ?? {
      row: 1,
      col: 1,
      numRows: this.model.sheet.maxRows,
      numCols: this.model.sheet.maxCols,
    };
    return new Range(this.ctx, this.model.sheet, rect);
  }

  setUnprotectedRanges(ranges: Range[]): this {
    this.hit("setUnprotectedRanges");
    this.model.unprotected = ranges.map((r) => ({ ...r.rect }));
    return this;
  }

  getUnprotectedRanges(): Range[] {
    this.hit("getUnprotectedRanges");
    return this.model.unprotected.map((rect) => new Range(this.ctx, this.model.sheet, rect));
  }

  remove(): void {
    this.hit("remove");
    this.model.removed = true;
    const book = this.model.sheet.book;
    book.protections = book.protections.filter((p) => p !== this.model);
  }
}
