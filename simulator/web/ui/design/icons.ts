// The icon set of the web front end: inline SVG (no font, no file, nothing fetched), drawn in
// currentColor so an icon takes the colour of its meaning or its text. Decorative by default
// (aria-hidden); with a label it becomes an image with that accessible name. Built with
// createElementNS: no markup string ever reaches the DOM.

import { ICONS, type IconName, type Shape } from './icon-shapes.ts';

export type { IconName } from './icon-shapes.ts';

const SVG = 'http://www.w3.org/2000/svg';

export interface IconOptions {
  /** Accessible name: the icon is then an image (role img) rather than decoration. */
  readonly label?: string;
  readonly className?: string;
}

export function icon(name: IconName, options: IconOptions = {}): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  const attributes: Record<string, string> = {
    class: `icon icon-${name}${options.className ? ` ${options.className}` : ''}`,
    viewBox: '0 0 24 24',
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': '2',
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    focusable: 'false',
  };
  for (const [key, value] of Object.entries(attributes)) svg.setAttribute(key, value);
  if (options.label) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', options.label);
  } else {
    svg.setAttribute('aria-hidden', 'true');
  }
  for (const shape of ICONS[name] as readonly Shape[]) svg.appendChild(shapeElement(shape));
  return svg;
}

function shapeElement(shape: Shape): SVGElement {
  const element = document.createElementNS(SVG, shape[0]);
  const set = (values: Record<string, string | number>) => {
    for (const [key, value] of Object.entries(values)) element.setAttribute(key, String(value));
  };
  if (shape[0] === 'path') set({ d: shape[1] });
  else if (shape[0] === 'circle') set({ cx: shape[1], cy: shape[2], r: shape[3] });
  else set({ x: shape[1], y: shape[2], width: shape[3], height: shape[4], rx: shape[5] });
  return element;
}

export { ICON_NAMES } from './icon-shapes.ts';
