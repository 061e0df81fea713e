// Drawing charts as SVG from the DOM (no library, nothing inline: the CSP stays strict).
const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element; attributes whose value is '' are left out, text is always text. */
export function el(tag, attrs, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== '') e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

const colours = {};

/**
 * The colour of a code, as its badge shows it (app.css's .b-CODE rules are the one place that
 * colours outcomes and statuses); a neutral blue for a code without one.
 */
export function colour(code) {
  if (!(code in colours)) {
    const probe = document.createElement('span');
    probe.className = 'badge b-' + code;
    probe.hidden = true;
    document.body.append(probe);
    const c = getComputedStyle(probe).backgroundColor;
    probe.remove();
    colours[code] = c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent' ? c : '#5b7fa6';
  }
  return colours[code];
}
