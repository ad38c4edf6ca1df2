"use client";

import dynamic from "next/dynamic";

/*
 * Radix's dialog code is not needed to show a page, only to open a dialog on it. Where a page
 * would otherwise ship it in its first load only for buttons that open one (the record page's
 * meeting timeline), these load it after the page instead.
 */
export const LazyDialog = dynamic(() => import("./dialog").then((m) => m.Dialog), { ssr: false });
export const LazyConfirmDialog = dynamic(() => import("./confirm-dialog").then((m) => m.ConfirmDialog), { ssr: false });
