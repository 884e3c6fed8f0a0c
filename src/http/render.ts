import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';

type Node = JSX.Element;

/**
 * Answers with the whole page, or with just the fragment htmx asked for (HX-Request header),
 * following the template-fragments idea: one view file holds both.
 */
export async function render(
  c: Context,
  page: () => Node | Promise<Node>,
  fragment?: () => Node | Promise<Node>,
  status: 200 | 422 = 200,
) {
  const htmx = c.req.header('HX-Request') === 'true' && c.req.header('HX-History-Restore-Request') !== 'true';
  c.header('Vary', 'HX-Request');
  return c.html(await (htmx && fragment ? fragment() : page()), status);
}
