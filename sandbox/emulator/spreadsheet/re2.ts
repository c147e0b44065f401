// Sheets' find and replace, TextFinder's included, reads regular expressions as RE2
// (https://support.google.com/docs/answer/62754: "Google products use RE2 for regular expressions").
// RE2 refuses what it cannot match in linear time: lookaround, backreferences, possessive and atomic
// forms (https://github.com/google/re2/wiki/Syntax, "NOT SUPPORTED"). This checks a pattern against that
// grammar and gives the JavaScript RegExp source that matches as RE2 does for the forms RE2 accepts.

/** Thrown for a pattern RE2 refuses; the message names the construct and says what to write instead. */
export class Re2SyntaxError extends Error {
  override name = "Exception";
}

const ASCII_CLASSES: Record<string, string> = {
  alnum: "0-9A-Za-z",
  alpha: "A-Za-z",
  ascii: "\\x00-\\x7F",
  blank: "\\t ",
  cntrl: "\\x00-\\x1F\\x7F",
  digit: "0-9",
  graph: "!-~",
  lower: "a-z",
  print: " -~",
  punct: "!-\\/:-@\\[-`{-~",
  space: "\\t\\n\\v\\f\\r ",
  upper: "A-Z",
  word: "0-9A-Za-z_",
  xdigit: "0-9A-Fa-f",
};

/** RE2's cap on a counted repetition ({n,m} with n or m over 1000 is refused). */
const MAX_REPEAT = 1000;

function refuse(pattern: string, what: string): never {
  throw new Re2SyntaxError(
    `Invalid regular expression "${pattern}": ${what}. Sheets uses RE2 syntax ` +
      "(https://github.com/google/re2/wiki/Syntax).",
  );
}

/** Leading inline flags (?i) (?s) (?m) (?U) in the pattern, which RE2 accepts and JavaScript does not. */
export interface Re2Translation {
  source: string;
  flags: { ignoreCase: boolean; dotAll: boolean; multiline: boolean };
}

export function translateRe2(pattern: string): Re2Translation {
  const flags = { ignoreCase: false, dotAll: false, multiline: false };
  let out = "";
  let i = 0;
  let inClass = false;
  const n = pattern.length;
  while (i < n) {
    const ch = pattern[i] as string;
    if (ch === "\\") {
      const next = pattern[i + 1];
      if (next === undefined) refuse(pattern, "trailing backslash");
      if (/[1-9]/.test(next)) refuse(pattern, `backreference \\${next} is not supported`);
      if (next === "k" && pattern[i + 2] === "<") refuse(pattern, "named backreference is not supported");
      if (next === "Z") refuse(pattern, "\\Z is not supported (use \\z or $)");
      if (next === "G") refuse(pattern, "\\G is not supported");
      if (next === "A") {
        out += "(?<![\\s\\S])";
        i += 2;
        continue;
      }
      if (next === "z") {
        out += "$(?![\\s\\S])";
        i += 2;
        continue;
      }
      if (next === "Q") {
        const end = pattern.indexOf("\\E", i + 2);
        const literal = pattern.slice(i + 2, end < 0 ? n : end);
        out += literal.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
        i = end < 0 ? n : end + 2;
        continue;
      }
      if ((next === "p" || next === "P") && pattern[i + 2] !== "{") {
        const name = pattern[i + 2];
        if (name === undefined) refuse(pattern, "\\p needs a class name");
        out += `\\${next}{${name}}`;
        i += 3;
        continue;
      }
      out += ch + next;
      i += 2;
      continue;
    }
    if (inClass) {
      if (ch === "[" && pattern[i + 1] === ":") {
        const close = pattern.indexOf(":]", i + 2);
        const raw = close < 0 ? "" : pattern.slice(i + 2, close);
        const negated = raw.startsWith("^");
        const name = negated ? raw.slice(1) : raw;
        const members = ASCII_CLASSES[name];
        if (!members) refuse(pattern, `unknown character class [:${raw}:]`);
        if (negated)
          refuse(pattern, `[:^${name}:] inside a bracket is not supported here; write the complement`);
        out += members;
        i = close + 2;
        continue;
      }
      if (ch === "]") inClass = false;
      out += ch;
      i += 1;
      continue;
    }
    if (ch === "[") {
      inClass = true;
      out += ch;
      i += 1;
      if (pattern[i] === "^") {
        out += "^";
        i += 1;
      }
      if (pattern[i] === "]") {
        // A "]" first in a class is a literal in RE2.
        out += "\\]";
        i += 1;
      }
      continue;
    }
    if (ch === "(" && pattern[i + 1] === "?") {
      const rest = pattern.slice(i + 2);
      if (rest.startsWith("=") || rest.startsWith("!"))
        refuse(pattern, "lookahead (?= or (?! is not supported");
      if (rest.startsWith("<=") || rest.startsWith("<!"))
        refuse(pattern, "lookbehind (?<= or (?<! is not supported");
      if (rest.startsWith(">")) refuse(pattern, "atomic group (?> is not supported");
      if (rest.startsWith("(")) refuse(pattern, "conditional (?( is not supported");
      if (rest.startsWith("R") || /^[0-9+-]/.test(rest)) refuse(pattern, "recursion is not supported");
      if (rest.startsWith("#")) refuse(pattern, "comments (?# are not supported");
      if (rest.startsWith("'")) refuse(pattern, "(?'name' is not supported (use (?P<name>…))");
      if (rest.startsWith("P<")) {
        out += "(?<";
        i += 4;
        continue;
      }
      if (rest.startsWith("<")) {
        out += "(?<";
        i += 3;
        continue;
      }
      if (rest.startsWith(":")) {
        out += "(?:";
        i += 3;
        continue;
      }
      const inline = /^([imsU]+)\)/.exec(rest);
      if (inline && out === "") {
        const letters = inline[1] as string;
        if (letters.includes("U")) refuse(pattern, "the U (ungreedy) flag is not modelled");
        flags.ignoreCase ||= letters.includes("i");
        flags.dotAll ||= letters.includes("s");
        flags.multiline ||= letters.includes("m");
        i += 2 + inline[0].length;
        continue;
      }
      refuse(pattern, `unsupported group (?${rest.slice(0, 3)}`);
    }
    if ((ch === "*" || ch === "+" || ch === "?" || ch === "}") && pattern[i + 1] === "+") {
      refuse(pattern, `possessive repetition ${ch}+ is not supported`);
    }
    if (ch === "{") {
      const counted = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
      if (counted) {
        const low = Number(counted[1]);
        const high = counted[3] ? Number(counted[3]) : low;
        if (low > MAX_REPEAT || high > MAX_REPEAT) refuse(pattern, `repetition count over ${MAX_REPEAT}`);
        if (pattern[i + counted[0].length] === "+") refuse(pattern, "possessive repetition is not supported");
        out += counted[0];
        i += counted[0].length;
        continue;
      }
      // A brace that starts no count is a literal in RE2.
      out += "\\{";
      i += 1;
      continue;
    }
    if (ch === "}") {
      out += "\\}";
      i += 1;
      continue;
    }
    out += ch;
    i += 1;
  }
  if (inClass) refuse(pattern, "missing closing ]");
  try {
    new RegExp(out, "u");
  } catch (error) {
    refuse(
      pattern,
      error instanceof Error ? error.message.replace(/^Invalid regular expression: /, "") : "invalid",
    );
  }
  return { source: out, flags };
}
