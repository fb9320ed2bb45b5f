/**
 * The host-drawn chrome around a mini-program's page (browser code), shared by the dev shell and
 * the host's shell. Everything is built with DOM APIs; a program's strings only become text nodes.
 * (The bundler for a shell's script is `./bundle.ts`, Node-side, and not exported here.)
 */
export { el, button } from './el.ts';
export { createNavBar, type NavBar, type NavBarOptions } from './navbar.ts';
export { createTabBar, type TabBar, type TabItem } from './tabbar.ts';
export { createOverlays, type Dialog, type DialogRequest, type Overlays, type ToastRequest } from './overlays.ts';
export { createNotice, type Notice, type NoticeOptions } from './notice.ts';
export { chromeCss } from './css.ts';
