"use client";

import * as Tabs from "@radix-ui/react-tabs";
import type { ReactNode } from "react";

/**
 * The Meetings settings tabs (§5: tab "Meeting rotations"). Rotations are the only tab for
 * now; the tab pattern is kept so further meeting settings slot in beside it.
 */
export function MeetingsTabs({ children }: { children: ReactNode }) {
  return (
    <Tabs.Root value="rotations">
      <Tabs.List aria-label="Meetings settings" className="mb-5 flex gap-4 border-b border-slate-200">
        <Tabs.Trigger
          value="rotations"
          className="-mb-px border-b-2 border-transparent px-1 pb-2 text-sm font-medium text-slate-600 hover:text-slate-900 data-[state=active]:border-brand-600 data-[state=active]:text-brand-700"
        >
          Meeting rotations
        </Tabs.Trigger>
      </Tabs.List>
      <Tabs.Content value="rotations" className="space-y-4">
        {children}
      </Tabs.Content>
    </Tabs.Root>
  );
}
