/**
 * The eleven labels an inbound recruiter email can carry (LABELS.md), in the order the label
 * control lists them, and the words shown for each.
 *
 * Example:
 *   LABELS.length            // 11
 *   labelKey('rejection')    // 'label_rejection' (a message of _locales)
 */

export const LABELS = Object.freeze([
  'application_received',
  'interview_invite',
  'assessment',
  'decision_timeline',
  'checkin_request',
  'will_contact_you',
  'still_deciding',
  'rejection',
  'offer',
  'recruiter_outreach',
  'other',
]);

/** The `_locales` key naming `label` for people. */
export function labelKey(label) {
  return `label_${label}`;
}

/** True for one of the eleven labels. */
export function isLabel(label) {
  return LABELS.includes(label);
}
