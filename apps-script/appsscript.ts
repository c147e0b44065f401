// The add-on's manifest: scopes listed explicitly (the minimum that works), the web app that receives clips.
export const appsScriptManifest = {
  timeZone: "Etc/UTC",
  runtimeVersion: "V8",
  exceptionLogging: "STACKDRIVER",
  // Set up / repair workbook reads and changes the workbook through the Sheets API (one batchUpdate
  // instead of hundreds of calls); the spreadsheets scope below already covers it
  // (https://developers.google.com/apps-script/guides/services/advanced).
  dependencies: {
    enabledAdvancedServices: [{ userSymbol: "Sheets", serviceId: "sheets", version: "v4" }],
  },
  oauthScopes: [
    // Read and write the exchange workbook the script is bound to (and open it by id from the web app).
    "https://www.googleapis.com/auth/spreadsheets",
    // Sidebars and dialogs.
    "https://www.googleapis.com/auth/script.container.ui",
    // Preparation reminders and follow-up emails to participants and action owners.
    "https://www.googleapis.com/auth/script.send_mail",
    // The one daily follow-up trigger (Schedule / Stop follow-ups): create, find and delete it, and check
    // each run's authorization.
    "https://www.googleapis.com/auth/script.scriptapp",
    // Create post-exchange survey makes the Google Form and Summarize survey reads its answers.
    "https://www.googleapis.com/auth/forms",
    // Export compendium makes and rewrites the compendium Google Doc.
    "https://www.googleapis.com/auth/documents",
  ],
  webapp: {
    executeAs: "USER_DEPLOYING",
    access: "ANYONE_ANONYMOUS",
  },
} as const;
