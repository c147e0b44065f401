// A demo exchange on discharge delays: ten candidate hospitals and their preparation, by header name.
type Row = Record<string, string | number | boolean>;

export const demoRows: Record<string, Row[]> = {};
