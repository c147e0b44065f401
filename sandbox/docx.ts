// A Google Doc of the emulator as a Word file (.docx), for the sandbox's download route: headings,
// paragraphs, bulleted list items and tables, built with the `docx` library.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import type { BlockState, DocumentState, HeadingName } from "./emulator/index.ts";

const headings: Partial<Record<HeadingName, (typeof HeadingLevel)[keyof typeof HeadingLevel]>> = {
  TITLE: HeadingLevel.TITLE,
  HEADING1: HeadingLevel.HEADING_1,
  HEADING2: HeadingLevel.HEADING_2,
  HEADING3: HeadingLevel.HEADING_3,
  HEADING4: HeadingLevel.HEADING_4,
  HEADING5: HeadingLevel.HEADING_5,
  HEADING6: HeadingLevel.HEADING_6,
};

function block(b: BlockState): Paragraph | Table {
  if (b.type === "TABLE")
    return new Table({
      rows: b.cells.map(
        (row) =>
          new TableRow({ children: row.map((text) => new TableCell({ children: [new Paragraph(text)] })) }),
      ),
    });
  if (b.type === "LIST_ITEM") return new Paragraph({ text: b.text, bullet: { level: b.nesting } });
  const heading = headings[b.heading];
  return new Paragraph(heading ? { text: b.text, heading } : { text: b.text });
}

export function toDocx(doc: DocumentState): Promise<Buffer> {
  const file = new Document({ title: doc.name, sections: [{ children: doc.body.map(block) }] });
  return Packer.toBuffer(file);
}
