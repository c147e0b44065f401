// The SpreadsheetApp global.
import { ConditionalFormatRuleBuilder } from "./conditionalFormat.ts";
import { exception, type ServiceContext } from "./context.ts";
import {
  BooleanCriteria,
  BorderStyle,
  CopyPasteType,
  DataValidationCriteria,
  Dimension,
  InterpolationType,
  ProtectionType,
  RelativeDate,
  SheetType,
  WrapStrategy,
} from "./enums.ts";
import { FilterCriteriaBuilder, type RangeList } from "./filter.ts";
import type { BookModel } from "./model.ts";
import type { Range } from "./range.ts";
import type { Sheet } from "./sheet.ts";
import { Spreadsheet } from "./spreadsheet.ts";
import { DataValidationBuilder } from "./validation.ts";

/** What SpreadsheetApp needs from the store that owns the workbooks. */
export interface WorkbookRegistry {
  readonly books: Map<string, BookModel>;
  activeId: string | null;
  createBook(name: string, rows?: number, columns?: number): BookModel;
}

/** Rich text is stored as its plain text; links and styles are not kept. */
class RichTextValue {
  constructor(private readonly text: string) {}
  getText(): string {
    return this.text;
  }
  toString(): string {
    return this.text;
  }
}

class RichTextValueBuilder {
  private text = "";
  constructor(private readonly ctx: ServiceContext) {}
  setText(text: string): this {
    this.ctx.hit("RichTextValueBuilder", "setText");
    this.text = String(text);
    return this;
  }
  setLinkUrl(): this {
    this.ctx.hit("RichTextValueBuilder", "setLinkUrl");
    return this;
  }
  setTextStyle(): this {
    this.ctx.hit("RichTextValueBuilder", "setTextStyle");
    return this;
  }
  build(): RichTextValue {
    this.ctx.hit("RichTextValueBuilder", "build");
    return new RichTextValue(this.text);
  }
}

/** A simple trigger "can modify the file it is bound to, but cannot access other files" (LIMITED mode). */
function refuseOtherFiles(ctx: ServiceContext, method: string): void {
  if (ctx.env.authMode === "LIMITED" && ctx.quiet === 0) {
    throw exception(
      `You do not have permission to call SpreadsheetApp.${method}. Required permissions: https://www.googleapis.com/auth/spreadsheets`,
    );
  }
}

export class SpreadsheetApp {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly ProtectionType = ProtectionType;
  readonly Dimension = Dimension;
  readonly WrapStrategy = WrapStrategy;
  readonly BorderStyle = BorderStyle;
  readonly InterpolationType = InterpolationType;
  readonly SheetType = SheetType;
  readonly CopyPasteType = CopyPasteType;
  readonly RelativeDate = RelativeDate;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly registry: WorkbookRegistry,
  ) {}

  private hit(method: string): void {
    this.ctx.hit("SpreadsheetApp", method);
    // Before the user authorizes an add-on (AuthMode.NONE, e.g. onOpen) only the menu may be built.
    if (this.ctx.env.authMode === "NONE" && method !== "getUi" && this.ctx.quiet === 0) {
      throw exception(
        `You do not have permission to call SpreadsheetApp.${method}. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly`,
      );
    }
  }

  private activeBook(): BookModel | null {
    if (this.ctx.env.context === "webapp") return null;
    const id = this.registry.activeId;
    return id ? (this.registry.books.get(id) ?? null) : null;
  }

  openById(id: string): Spreadsheet {
    this.hit("openById");
    refuseOtherFiles(this.ctx, "openById");
    const book = this.registry.books.get(String(id));
    if (!book)
      throw exception(
        "Unexpected error while getting the method or property openById on object SpreadsheetApp.",
      );
    return new Spreadsheet(this.ctx, book);
  }

  openByUrl(url: string): Spreadsheet {
    this.hit("openByUrl");
    refuseOtherFiles(this.ctx, "openByUrl");
    const id = /\/d\/([\w-]+)/.exec(String(url))?.[1];
    const book = id ? this.registry.books.get(id) : undefined;
    if (!book)
      throw exception(
        "Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.",
      );
    return new Spreadsheet(this.ctx, book);
  }

  /** Null in a web app: there is no container document there. */
  getActiveSpreadsheet(): Spreadsheet | null {
    this.hit("getActiveSpreadsheet");
    const book = this.activeBook();
    return book ? new Spreadsheet(this.ctx, book) : null;
  }

  getActive(): Spreadsheet | null {
    this.hit("getActive");
    const book = this.activeBook();
    return book ? new Spreadsheet(this.ctx, book) : null;
  }

  getActiveSheet(): Sheet | null {
    this.hit("getActiveSheet");
    const book = this.activeBook();
    return book ? this.ctx.uncounted(() => new Spreadsheet(this.ctx, book).getActiveSheet()) : null;
  }

  getActiveRange(): Range | null {
    this.hit("getActiveRange");
    const book = this.activeBook();
    return book ? this.ctx.uncounted(() => new Spreadsheet(this.ctx, book).getActiveRange()) : null;
  }

  getActiveRangeList(): RangeList | null {
    this.hit("getActiveRangeList");
    const book = this.activeBook();
    return book ? this.ctx.uncounted(() => new Spreadsheet(this.ctx, book).getActiveRangeList()) : null;
  }

  setActiveSheet(sheet: Sheet): Sheet {
    this.hit("setActiveSheet");
    sheet.model.book.activeSheet = sheet.model;
    return sheet;
  }

  setActiveRange(range: Range): Range {
    this.hit("setActiveRange");
    range.sheetModel.book.activeSheet = range.sheetModel;
    range.sheetModel.book.activeRange = { sheet: range.sheetModel, rect: { ...range.rect } };
    return range;
  }

  getUi(): GoogleAppsScript.Base.Ui {
    this.hit("getUi");
    if (this.ctx.env.context === "webapp") {
      throw exception("Cannot call SpreadsheetApp.getUi() from this context.");
    }
    return this.ctx.hooks.getUi();
  }

  /** Writes are applied at once, so there is nothing pending. */
  flush(): void {
    this.hit("flush");
  }

  create(name: string, rows?: number, columns?: number): Spreadsheet {
    this.hit("create");
    refuseOtherFiles(this.ctx, "create");
    return new Spreadsheet(this.ctx, this.registry.createBook(String(name), rows, columns));
  }

  newDataValidation(): DataValidationBuilder {
    this.hit("newDataValidation");
    return new DataValidationBuilder(this.ctx);
  }

  newConditionalFormatRule(): ConditionalFormatRuleBuilder {
    this.hit("newConditionalFormatRule");
    return new ConditionalFormatRuleBuilder(this.ctx);
  }

  /** https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#newFilterCriteria() */
  newFilterCriteria(): FilterCriteriaBuilder {
    this.hit("newFilterCriteria");
    return new FilterCriteriaBuilder(this.ctx);
  }

  newRichTextValue(): RichTextValueBuilder {
    this.hit("newRichTextValue");
    return new RichTextValueBuilder(this.ctx);
  }
}
