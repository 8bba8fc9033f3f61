// The functions that tests hand to playwright's page.evaluate run in the browser: they are typed
// with the DOM's names.
/// <reference lib="dom" />
