// The PHI guard's identifier types and their labels: light enough for pages that show findings but never detect.

export const phiTypes = [
  "name",
  "mrn",
  "health-plan",
  "account",
  "licence",
  "device",
  "vehicle",
  "ssn",
  "phone",
  "fax",
  "email",
  "url",
  "ip",
  "date",
  "age",
  "address",
  "zip",
] as const;
export type PhiType = (typeof phiTypes)[number];

export interface PhiFinding {
  type: PhiType;
  /** UTF-16 offsets into the checked text: text.slice(start, end) === finding.text. */
  start: number;
  end: number;
  text: string;
}

/** Human labels for the popup, one per type. */
export const phiTypeLabels: Record<PhiType, string> = {
  name: "Name",
  mrn: "Medical record or other record number",
  "health-plan": "Health plan number",
  account: "Account number",
  licence: "Licence or certificate number",
  device: "Device identifier",
  vehicle: "Vehicle identifier",
  ssn: "Social Security number",
  phone: "Phone number",
  fax: "Fax number",
  email: "Email address",
  url: "Web address",
  ip: "IP address",
  date: "Date more specific than a year",
  age: "Age over 89",
  address: "Street address",
  zip: "ZIP code",
};
