// Addresses of the interface's pages: #/<section>, #/cases/<caseId>, #/evaluations/<evaluationId>,
// #/hits/<hitId>. A page can be linked in an e-mail, bookmarked or opened in another tab; Back and
// Forward move between pages; a reload keeps the place (the session cookie keeps the sign-in). A
// view is drawn by its route, never straight from a click: clicks change the address.
const routes = new Map();
let onChange = null;

/** Registers (or replaces) the view drawn for addresses matching {@code pattern}. */
export function route(name, pattern, draw) {
  routes.set(name, [pattern, draw]);
}

/** The address now, without its '#': '/cases/…', or '' on the start page (or the skip link's #main). */
export function current() {
  return location.hash.startsWith('#/') ? location.hash.slice(1) : '';
}

/** Goes to an address: a new entry in the history, drawn by its route. */
export function go(path) {
  if (current() === path) {
    render();
  } else {
    location.hash = path;
  }
}

/** Draws the view of the address now; false when no route of this user takes it. */
export function render() {
  const path = current();
  for (const [pattern, draw] of routes.values()) {
    const m = pattern.exec(path);
    if (m) {
      draw(...m.slice(1).map(decodeURIComponent));
      if (onChange) onChange(path);
      return true;
    }
  }
  return false;
}

/** Forgets every route (signed out: the next person's roles give theirs). */
export function clearRoutes() {
  routes.clear();
}

/** Called with the address after each view drawn (the navigation marks its section). */
export function onRoute(listener) {
  onChange = listener;
}

window.addEventListener('hashchange', () => {
  if (routes.size) render();
});
