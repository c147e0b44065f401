// The script's Date: the emulator clock for `new Date()` and `Date.now()`, and local time in the
// script's time zone (the manifest's "timeZone", https://developers.google.com/apps-script/manifests#Manifest.FIELDS.timeZone),
// whatever the host's zone. Apps Script runs `new Date(2026, 2, 1, 9)`, getHours() and toString() in the
// script's zone (https://developers.google.com/apps-script/reference/base/session#getScriptTimeZone()).
import vm from "node:vm";
import { zoneLongName, zoneOffsetMinutes } from "./dateFormat.ts";
import { instantOfWall } from "./zones.ts";

/** What the script realm's Date asks the host: the clock and the zone's offsets. */
interface ScriptZone {
  name: string;
  now(): number;
  /** Minutes ahead of UTC at an instant. */
  offset(time: number): number;
  /** The instant whose wall clock in the zone is `wall` (wall clock as UTC milliseconds). */
  fromWall(wall: number): number;
  longName(time: number): string;
}

/**
 * Replaces the realm's Date with one on the emulator clock whose local-time methods use the zone. The
 * realm's own Date.prototype is patched, so Dates of that realm (and those the emulator makes there) all
 * agree; UTC methods, getTime and toISOString are untouched.
 */
const source = `(function (RealDate, zone) {
  var proto = RealDate.prototype;
  var getTime = proto.getTime;
  var setTime = proto.setTime;
  var hostOffset = proto.getTimezoneOffset;
  var realParse = RealDate.parse;
  var UTC = RealDate.UTC;
  var MINUTE = 60000;
  function define(name, fn) {
    Object.defineProperty(proto, name, { value: fn, configurable: true, writable: true, enumerable: false });
  }
  function shifted(t) { return new RealDate(t + zone.offset(t) * MINUTE); }
  [["getFullYear", "getUTCFullYear"], ["getMonth", "getUTCMonth"], ["getDate", "getUTCDate"],
   ["getDay", "getUTCDay"], ["getHours", "getUTCHours"], ["getMinutes", "getUTCMinutes"],
   ["getSeconds", "getUTCSeconds"], ["getMilliseconds", "getUTCMilliseconds"]].forEach(function (pair) {
    var utc = proto[pair[1]];
    define(pair[0], function () {
      var t = getTime.call(this);
      return t !== t ? NaN : utc.call(shifted(t));
    });
  });
  define("getYear", function () { var y = this.getFullYear(); return y !== y ? NaN : y - 1900; });
  define("getTimezoneOffset", function () {
    var t = getTime.call(this);
    return t !== t ? NaN : -zone.offset(t);
  });
  [["setFullYear", "setUTCFullYear"], ["setMonth", "setUTCMonth"], ["setDate", "setUTCDate"],
   ["setHours", "setUTCHours"], ["setMinutes", "setUTCMinutes"], ["setSeconds", "setUTCSeconds"],
   ["setMilliseconds", "setUTCMilliseconds"]].forEach(function (pair) {
    var utc = proto[pair[1]];
    define(pair[0], function () {
      var t = getTime.call(this);
      var wall = t !== t ? (pair[0] === "setFullYear" ? new RealDate(0) : new RealDate(NaN)) : shifted(t);
      var w = utc.apply(wall, arguments);
      return setTime.call(this, w !== w ? NaN : zone.fromWall(w));
    });
  });
  var days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  var months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function datePart(w) {
    var y = w.getUTCFullYear();
    var year = y < 0 ? "-" + String(-y).padStart(6, "0") : String(y).padStart(4, "0");
    return days[w.getUTCDay()] + " " + months[w.getUTCMonth()] + " " + two(w.getUTCDate()) + " " + year;
  }
  function timePart(t, w) {
    var off = zone.offset(t);
    var abs = Math.abs(off);
    return two(w.getUTCHours()) + ":" + two(w.getUTCMinutes()) + ":" + two(w.getUTCSeconds()) +
      " GMT" + (off < 0 ? "-" : "+") + two(Math.floor(abs / 60)) + two(abs % 60) + " (" + zone.longName(t) + ")";
  }
  define("toString", function () {
    var t = getTime.call(this);
    return t !== t ? "Invalid Date" : datePart(shifted(t)) + " " + timePart(t, shifted(t));
  });
  define("toDateString", function () {
    var t = getTime.call(this);
    return t !== t ? "Invalid Date" : datePart(shifted(t));
  });
  define("toTimeString", function () {
    var t = getTime.call(this);
    return t !== t ? "Invalid Date" : timePart(t, shifted(t));
  });
  ["toLocaleString", "toLocaleDateString", "toLocaleTimeString"].forEach(function (name) {
    var real = proto[name];
    define(name, function (locales, options) {
      var o = Object.assign({}, options);
      if (o.timeZone === undefined) o.timeZone = zone.name;
      return real.call(this, locales, o);
    });
  });
  // A string without a zone ("2026-03-01 09:00", "03/01/2026") is local time; ISO date-only forms and
  // strings naming a zone or offset are not.
  var DATE_ONLY = /^[+-]?\\d{4,6}(-\\d{2}(-\\d{2})?)?$/;
  var ZONED = /(Z|[+-]\\d{2}(:?\\d{2})?|\\b(GMT|UTC|UT)([+-]\\d{1,4}(:?\\d{2})?)?)\\s*(\\([^)]*\\))?$/i;
  function parse(text) {
    var s = String(text).trim();
    var t = realParse(s);
    if (t !== t || DATE_ONLY.test(s) || ZONED.test(s)) return t;
    var wall = t - hostOffset.call(new RealDate(t)) * MINUTE;
    return zone.fromWall(wall);
  }
  function ZonedDate(a) {
    var n = arguments.length;
    var t;
    if (!new.target) return proto.toString.call(new RealDate(zone.now()));
    if (n === 0) t = zone.now();
    else if (n === 1) {
      if (Object.prototype.toString.call(a) === "[object Date]") t = getTime.call(a);
      else {
        var prim = a;
        if (typeof a === "object" && a !== null) {
          prim = typeof a[Symbol.toPrimitive] === "function" ? a[Symbol.toPrimitive]("default") : a.valueOf();
          if (typeof prim === "object" && prim !== null) prim = String(a);
        }
        t = typeof prim === "string" ? parse(prim) : Number(prim);
      }
    } else {
      var w = UTC.apply(null, Array.prototype.slice.call(arguments, 0, 7));
      t = w !== w ? NaN : zone.fromWall(w);
    }
    return Reflect.construct(RealDate, [t], new.target);
  }
  ZonedDate.prototype = proto;
  ZonedDate.now = function () { return zone.now(); };
  ZonedDate.UTC = UTC;
  ZonedDate.parse = parse;
  Object.defineProperty(proto, "constructor", { value: ZonedDate, configurable: true, writable: true });
  globalThis.Date = ZonedDate;
})(Date, globalThis.__emulatorZone);
delete globalThis.__emulatorZone;`;

/**
 * Gives a script's vm context a Date on the emulator clock in the script's zone; returns how to make a
 * Date in that realm (so the emulator's Dates answer getHours() in the script's zone too).
 */
export function installScriptDate(
  context: vm.Context,
  timeZone: string,
  now: () => number,
): (time: number) => Date {
  const zone: ScriptZone = {
    name: timeZone,
    now,
    offset: (time) => zoneOffsetMinutes(time, timeZone),
    fromWall: (wall) => instantOfWall(wall, timeZone),
    longName: (time) => zoneLongName(time, timeZone),
  };
  context.__emulatorZone = zone;
  vm.runInContext(source, context);
  const ScriptDate = vm.runInContext("Date", context) as DateConstructor;
  return (time) => new ScriptDate(time);
}
