// The shapes of the icon set (24×24, stroked): pure data, so that pure modules may name an
// icon without the DOM. icons.ts draws them.

export type Shape = readonly ['path', string] | readonly ['circle', number, number, number] | readonly ['rect', number, number, number, number, number];

export const ICONS = {
  // meanings
  delivered: [['path', 'M4.5 12.5l5 5L20 7']],
  bounced: [['path', 'M9 14L4 9l5-5'], ['path', 'M4 9h10.5a5.5 5.5 0 010 11H11']],
  refused: [['circle', 12, 12, 9], ['path', 'M5.7 5.7l12.6 12.6']],
  closed: [['rect', 5, 11, 14, 10, 2], ['path', 'M8 11V7.5a4 4 0 018 0V11']],
  'no-reply': [['path', 'M9 16l-5-5 5-5'], ['path', 'M4 11h9a7 7 0 017 7v1'], ['path', 'M3 3l18 18']],
  info: [['circle', 12, 12, 9], ['path', 'M12 11v6'], ['path', 'M12 7.5v.5']],
  receipt: [['path', 'M2 12.5l5 5L17.5 7'], ['path', 'M12.5 17l.5.5L23 7']],
  'auto-reply': [['path', 'M20.5 12a8.5 8.5 0 11-2.5-6'], ['path', 'M20.5 3.5V8H16']],
  pending: [['circle', 12, 12, 9], ['path', 'M12 7v5l3.5 2']],
  // participants
  patient: [['circle', 12, 8, 4], ['path', 'M4 21a8 8 0 0116 0']],
  pharmacy: [['path', 'M9 3h6v6h6v6h-6v6H9v-6H3V9h6z']],
  doctor: [['path', 'M6 3v6a4 4 0 008 0V3'], ['path', 'M10 13v2a5 5 0 0010 0v-1'], ['circle', 20, 12, 2]],
  nurse: [['path', 'M12 20.5s-8-4.8-8-10.5a4.5 4.5 0 018-2.8A4.5 4.5 0 0120 10c0 5.7-8 10.5-8 10.5z']],
  hospital: [['rect', 4, 3, 16, 18, 1.5], ['path', 'M9.5 8v6M14.5 8v6M9.5 11h5'], ['path', 'M10 21v-3h4v3']],
  cpts: [['circle', 8, 8, 3], ['circle', 16, 8, 3], ['path', 'M2.5 20a5.5 5.5 0 0111 0'], ['path', 'M10.5 20a5.5 5.5 0 0111 0']],
  laboratory: [['path', 'M9 3h6'], ['path', 'M10 3v6l-5.2 9.3A1.8 1.8 0 006.4 21h11.2a1.8 1.8 0 001.6-2.7L14 9V3']],
  software: [['rect', 3, 4, 18, 13, 2], ['path', 'M8 21h8M12 17v4']],
  outside: [['circle', 12, 12, 9], ['path', 'M3 12h18'], ['path', 'M12 3c2.8 3 2.8 15 0 18M12 3c-2.8 3-2.8 15 0 18']],
  operator: [['rect', 4, 3, 16, 7, 1.5], ['rect', 4, 14, 16, 7, 1.5], ['path', 'M8 6.5h.5M8 17.5h.5']],
  // actions and interface
  mail: [['rect', 3, 5, 18, 14, 2], ['path', 'M3.5 7l8.5 6 8.5-6']],
  play: [['path', 'M7 4.5l12 7.5-12 7.5z']],
  next: [['path', 'M5 4.5l10 7.5-10 7.5z'], ['path', 'M19 5v14']],
  replay: [['path', 'M3.5 12a8.5 8.5 0 102.5-6'], ['path', 'M3.5 3.5V8H8']],
  presentation: [['rect', 3, 4, 18, 12, 1.5], ['path', 'M12 16v4M8 21h8']],
  'chevron-down': [['path', 'M6 9l6 6 6-6']],
  close: [['path', 'M6 6l12 12M18 6L6 18']],
  arrow: [['path', 'M4 12h15'], ['path', 'M14 6l6 6-6 6']],
  attachment: [['path', 'M20 11.5l-8.2 8.2a5 5 0 01-7-7L13 4.5a3.3 3.3 0 014.7 4.7l-8.2 8.2a1.7 1.7 0 01-2.4-2.4L14.5 8']],
} as const satisfies Record<string, readonly Shape[]>;

export type IconName = keyof typeof ICONS;

/** Every icon name, for a catalogue page or a test. */
export const ICON_NAMES = Object.keys(ICONS) as IconName[];
