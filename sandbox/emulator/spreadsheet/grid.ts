// Sparse cell storage for one sheet: an array of rows, each an array of cells, holes for empty cells.
// Row arrays make a 100,000-row read a plain loop, and inserting or deleting rows a splice.

export class Grid<T> {
  /** 0-based rows of 0-based cells; undefined means empty. */
  rows: (T | undefined)[][] = [];
  private count = 0;
  /** Raised by every change, so a saved encoding of the grid can be reused while it is unchanged. */
  version = 0;
  /** Rows changed since takeChangedRows(); null after a structural change, when any row may have moved. */
  private changedRows: Set<number> | null = new Set();

  /** The rows changed since the last call (null: every row, after rows or columns moved). */
  takeChangedRows(): Set<number> | null {
    const changed = this.changedRows;
    this.changedRows = new Set();
    return changed;
  }

  private touch(row: number): void {
    this.version += 1;
    this.changedRows?.add(row);
  }

  private moved(): void {
    this.version += 1;
    this.changedRows = null;
  }

  get size(): number {
    return this.count;
  }

  get(row: number, col: number): T | undefined {
    return this.rows[row]?.[col];
  }

  set(row: number, col: number, value: T | undefined): void {
    if (value === undefined) {
      this.delete(row, col);
      return;
    }
    let line = this.rows[row];
    if (!line) {
      line = [];
      this.rows[row] = line;
    }
    while (line.length < col) line.push(undefined);
    if (line[col] === undefined) this.count += 1;
    if (line[col] !== value) this.touch(row);
    line[col] = value;
  }

  delete(row: number, col: number): void {
    const line = this.rows[row];
    if (!line || line[col] === undefined) return;
    line[col] = undefined;
    this.count -= 1;
    this.touch(row);
    if (col === line.length - 1) {
      while (line.length > 0 && line[line.length - 1] === undefined) line.pop();
    }
  }

  clearRect(row: number, col: number, numRows: number, numCols: number): void {
    if (this.count === 0) return;
    const endRow = Math.min(row + numRows, this.rows.length);
    for (let r = row; r < endRow; r++) {
      const line = this.rows[r];
      if (!line) continue;
      const endCol = Math.min(col + numCols, line.length);
      for (let c = col; c < endCol; c++) if (line[c] !== undefined) this.delete(r, c);
    }
  }

  /** 0-based index of the last row holding anything, -1 when empty. */
  lastRow(): number {
    for (let r = this.rows.length - 1; r >= 0; r--) {
      const line = this.rows[r];
      if (line && line.length > 0) {
        this.rows.length = r + 1;
        return r;
      }
    }
    this.rows.length = 0;
    return -1;
  }

  /** 0-based index of the last column holding anything, -1 when empty. */
  lastCol(): number {
    let last = -1;
    for (const line of this.rows) if (line && line.length - 1 > last) last = line.length - 1;
    return last;
  }

  *entries(): Generator<[number, number, T]> {
    for (let r = 0; r < this.rows.length; r++) {
      const line = this.rows[r];
      if (!line) continue;
      for (let c = 0; c < line.length; c++) {
        const v = line[c];
        if (v !== undefined) yield [r, c, v];
      }
    }
  }

  insertRows(at: number, n: number): void {
    if (at >= this.rows.length) return;
    this.moved();
    // concat, not splice(...spread): tens of thousands of inserted rows would overflow the call stack.
    this.rows = this.rows.slice(0, at).concat(new Array<(T | undefined)[]>(n), this.rows.slice(at));
  }

  deleteRows(at: number, n: number): void {
    const removed = this.rows.splice(at, n);
    this.moved();
    for (const line of removed) if (line) for (const v of line) if (v !== undefined) this.count -= 1;
  }

  insertCols(at: number, n: number): void {
    this.moved();
    this.rows = this.rows.map((line) =>
      !line || at >= line.length
        ? line
        : line.slice(0, at).concat(new Array<T | undefined>(n), line.slice(at)),
    );
  }

  deleteCols(at: number, n: number): void {
    this.moved();
    for (const line of this.rows) {
      if (!line || at >= line.length) continue;
      const removed = line.splice(at, n);
      for (const v of removed) if (v !== undefined) this.count -= 1;
      while (line.length > 0 && line[line.length - 1] === undefined) line.pop();
    }
  }

  clear(): void {
    this.moved();
    this.rows = [];
    this.count = 0;
  }
}
