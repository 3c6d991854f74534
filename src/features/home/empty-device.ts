/**
 * The home page on a device with nothing stored, as a first visit's entry script finds it (src/app/first-visit.ts):
 * the script fills in the list of communes without the app, and the app, once started, draws the same page so as to
 * take it over without redrawing it. In a module of its own, so that the entry gets these without React.
 */

/** The home page's list of communes: « Chargement… » in the prerendered HTML until someone says what is stored. */
export const COMMUNES_SLOT_ID = 'home-communes';
/** What that list shows on a device with no commune, rendered at build time beside the page (`<template>`). */
export const EMPTY_COMMUNES_TEMPLATE_ID = 'home-communes-empty';

let emptyAtStart = false;

/**
 * Says that the app starts on a first visit's page (nothing stored; the list already says so): until the user
 * leaves the page it started on, the home page draws the empty list at once rather than « Chargement… ».
 */
export function setEmptyAtStart(empty: boolean): void {
  emptyAtStart = empty;
}

export const isEmptyAtStart = (): boolean => emptyAtStart;
