// The SpreadsheetApp part of the emulator. createEmulator builds a SpreadsheetStore and exposes
// `store.app` as SpreadsheetApp and `Charts` as the Charts global.
export { Charts } from "./charts.ts";
export type { SpreadsheetHooks } from "./context.ts";
export type { SheetDescription, WorkbookDescription } from "./describe.ts";
export type { StoreDelta, StoreState } from "./persist.ts";
export { applyStoreDelta, deltaHasCells } from "./persist.ts";
export { SpreadsheetStore } from "./store.ts";
export type { CellValue } from "./values.ts";
