// Word lists the PHI guard consults: name and place lexicons (built once, on first use) and the words that
// look like names or places in meeting talk but are not (eponyms, products, organisations' words).
import {
  countyNames,
  firstPlain,
  firstWordy,
  placePlain,
  placeWordy,
  surnamePlain,
  surnameWordy,
} from "./lexicon.ts";

/** Membership in sorted "|"-joined lists, by binary search: nothing to build when the popup opens. */
export interface WordList {
  has(key: string): boolean;
}

/** list[start, end) compared with key, in code-unit order (the order the generator sorts in), without slicing. */
function compareAt(list: string, start: number, end: number, key: string): number {
  const n = Math.min(end - start, key.length);
  for (let i = 0; i < n; i++) {
    const d = list.charCodeAt(start + i) - key.charCodeAt(i);
    if (d !== 0) return d;
  }
  return end - start - key.length;
}

function sortedHas(list: string, key: string): boolean {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = list.lastIndexOf("|", mid - 1) + 1;
    const found = list.indexOf("|", start);
    const end = found < 0 ? list.length : found;
    const order = compareAt(list, start, end, key);
    if (order === 0) return true;
    if (order < 0) lo = end + 1;
    else hi = start;
  }
  return false;
}

function wordList(...lists: string[]): WordList {
  // The popup checks the draft again on every edit: remember recent answers.
  const seen = new Map<string, boolean>();
  return {
    has(key) {
      let known = seen.get(key);
      if (known === undefined) {
        known = lists.some((list) => sortedHas(list, key));
        if (seen.size > 4000) seen.clear();
        seen.set(key, known);
      }
      return known;
    },
  };
}

export interface Lexicon {
  /** First names and surnames that are not ordinary English words ("Priscilla", "Nguyen"). */
  namePlain: WordList;
  /** Names that are ordinary words too ("Dale", "Rose", "Bell"): names only after a cue. */
  nameWordy: WordList;
  firstNames: WordList;
  /** Cities and towns that are not ordinary words, then those that are ("Reading"). */
  placePlain: WordList;
  placeWordy: WordList;
  counties: WordList;
}

const lexicon: Lexicon = {
  namePlain: wordList(firstPlain, surnamePlain),
  nameWordy: wordList(firstWordy, surnameWordy),
  firstNames: wordList(firstPlain, firstWordy),
  placePlain: wordList(placePlain),
  placeWordy: wordList(placeWordy),
  counties: wordList(countyNames),
};

export function words(): Lexicon {
  return lexicon;
}

// Eponyms of scores, signs, devices and procedures, and products and programmes of hospital work: never
// names or places on their own (METHODS.md: "Not names: eponyms ... organisations, projects and products").
export const notPeople = new Set(
  `foley hoyer braden morse glasgow apgar whipple nissen hartmann hartmann's parkland mcburney babinski
  trendelenburg fowler fowler's heimlich doppler holter ganz hickman groshong penrose levin
  dobhoff kerlix homans romberg snellen ranson pugh gleason 
  waterlow barthel folstein hendrich schmid downton tinetti cushing parkinson
  alzheimer crohn hodgkin hashimoto guillain barre kaposi wernicke korsakoff lyme weiss
  roux billroth kocher pfannenstiel lichtenstein shouldice pringle seldinger mayo allis babcock
  metzenbaum coude yankauer ambu bovie tegaderm broselow lund browder blatchford rockall baker-wong
  epic cerner meditech pyxis omnicell alaris vocera zoll philips stryker hillrom tableau excel teams zoom
  sharepoint datix press ganey leapfrog vizient premier kaizen lean sigma baldrige magnet falcon lakeview
  baystate bair hugger medtronic baxter hospira becton dickinson cardinal sysco keppra tylenol lasix heparin
  narcan ativan haldol zosyn vanc vancomycin coumadin eliquis xarelto lovenox dilaudid toradol zofran
  protonix seroquel precedex propofol versed fentanyl norco percocet medicare medicaid tricare aetna cigna
  humana kaiser anthem bcbs mercy ascension sutter intermountain
  geisinger mass general brigham partners joint commission`
    .split(/\s+/)
    .filter(Boolean),
);

// A capitalised word followed by one of these names an organisation, a score or a programme, not a person
// or the place a person is ("Westfield Memorial", "Franklin protocol", "Ludlow clinic").
export const orgWords = new Set(
  `memorial medical health healthcare hospital hospitals center centre clinic clinics county's foundation
  protocol protocols formula score scale scales catheter criteria sign syndrome disease position procedure
  maneuver test rule rules method model institute university college school department dept ems fire police
  general regional community heart cancer children's childrens urgent data partner partners network system
  systems group associates pharmacy labs lab cohort registry project program programme bundle grant award
  practitioner practitioners manager educator navigator aide assistant anesthetist specialist supervisor leader
  champion informaticist technician tech coordinator director officer liaison chaplaincy
  unit campus rehab nursing home homes village manor court senior valley clamp drain tube bag stand palsy position's`
    .split(/\s+/)
    .filter(Boolean),
);

// Words that are never a name in the slot after a title or cue ("the nurse said", "mom called").
export const functionWords = new Set(
  `a an the and or but of in on at to for from with by as is was are were be been being has have had do does
  did will would can could should may might must shall not no yes so if then than that this these those it
  its he she they we you i me him her them us my your his our their who whom whose which what when where why
  how all any some each every both either neither one two three four five six seven eight nine ten said says
  say called calls call came comes come went goes go got gets get asked asks ask wants wanted wrote writes
  here there just also still again about over under after before up down out off into onto back now today
  tonight yesterday tomorrow week weeks month months year years day days night nights shift shifts please
  thanks thank okay ok yeah well oh um uh like really very too much many more most less least few lot lots
  unit units room rooms bed beds team floor charge on-call`
    .split(/\s+/)
    .filter(Boolean),
);

export const monthWords =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;
export const weekdayWords =
  /^(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs?(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?$/i;
