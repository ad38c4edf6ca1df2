/** The timeline element of a meeting, so the dialog can take the rep to what they just booked. */
export function meetingElementId(meetingId: string): string {
  return `meeting-${meetingId}`;
}

const WAIT_MS = 10_000;

/**
 * After a booking the page re-renders with the new meeting (router.refresh). Once its
 * timeline entry is on the page, focus it and mark it `data-just-booked` for a highlight;
 * until then, focus stays where the dialog returned it (the Schedule meeting button).
 */
export function focusMeetingWhenShown(meetingId: string): void {
  const id = meetingElementId(meetingId);
  const reveal = () => {
    const element = document.getElementById(id);
    if (!element) return false;
    element.dataset.justBooked = "true";
    element.focus();
    element.scrollIntoView({ block: "nearest" });
    return true;
  };
  // The dialog gives focus back to its opener as it closes: wait for that before taking it.
  window.setTimeout(() => {
    if (reveal()) return;
    const observer = new MutationObserver(() => {
      if (reveal()) stop();
    });
    const timer = window.setTimeout(() => stop(), WAIT_MS);
    const stop = () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
    observer.observe(document.body, { childList: true, subtree: true });
  }, 0);
}
