// Ids of the files the evaluate items make (the survey form, the compendium document), kept in the
// workbook's document properties so running an item again reuses the same file.

export const SURVEY_FORM_KEY = "surveyForm";
export const COMPENDIUM_DOC_KEY = "compendiumDocumentId";

export function readStored(key: string): string | null {
  return PropertiesService.getDocumentProperties().getProperty(key);
}

export function writeStored(key: string, value: string): void {
  PropertiesService.getDocumentProperties().setProperty(key, value);
}

/** Opens a stored file by id; null when it was deleted or is no longer shared with the user. */
export function openStored<T>(id: string, open: (id: string) => T): T | null {
  try {
    return open(id);
  } catch {
    return null;
  }
}
