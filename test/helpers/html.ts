import { parseHTML } from 'linkedom';

/** Parses an HTML response so tests can assert element by element. */
export async function html(response: Response) {
  const text = await response.text();
  const { document } = parseHTML(text);
  return {
    document,
    text,
    $: (selector: string) => document.querySelector(selector),
    $$: (selector: string) => [...document.querySelectorAll(selector)],
  };
}
