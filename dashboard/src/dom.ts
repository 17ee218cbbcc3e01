/** Small DOM helpers: elements are built with text nodes, never from HTML strings (the CSP forbids inline styles anyway). */
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

export function section(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page has no #${id} section.`);
  return element;
}

export function part<T extends Element = HTMLElement>(root: ParentNode, testId: string): T {
  const element = root.querySelector<T & Element>(`[data-testid="${testId}"]`);
  if (!element) throw new Error(`The page has no ${testId}.`);
  return element;
}

/**
 * Loads one section: `data-state` tells people (and the browser test) whether it is loading,
 * ready or failed; a failure shows its message in the section and leaves the others working.
 */
export async function load(root: HTMLElement, work: () => Promise<void>): Promise<void> {
  root.dataset.state = 'loading';
  root.querySelector('.error')?.remove();
  try {
    await work();
    root.dataset.state = 'ready';
  } catch (error) {
    root.dataset.state = 'error';
    root.append(el('p', { class: 'error', role: 'alert' }, `Could not load this section: ${(error as Error).message}`));
  }
}

/**
 * Redraws a chart when its box changes size, but never into an empty box: the box can be 0 wide
 * for a moment (while the browser lays the page out again), and ECharts' geo view fails there.
 */
export function followSize(container: HTMLElement, resize: () => void): void {
  new ResizeObserver(() => {
    if (container.clientWidth > 0 && container.clientHeight > 0) resize();
  }).observe(container);
}
