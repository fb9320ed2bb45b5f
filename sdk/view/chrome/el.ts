/** One element with a class and children: the building block of every host-drawn part. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = cls;
  // Strings become text nodes here: nothing is ever parsed as markup.
  e.append(...children);
  return e;
}

/** A `type="button"` button, so it never submits a form it happens to sit in. */
export function button(cls: string, onClick: () => void, ...children: (Node | string)[]): HTMLButtonElement {
  const b = el('button', cls, ...children);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}
