import { html, nothing, type TemplateResult } from 'lit';

/**
 * A link out of the widget: it tells the site it leads to nothing about the article it came
 * from (no referrer, no `window.opener`). Sources open in a new tab so the reader keeps their
 * place; the credit line's links (`newTab: false`) are followed like any link in the article.
 */
export function externalLink(href: string, content: unknown, { title, newTab = true }: { title?: string; newTab?: boolean } = {}): TemplateResult {
  return html`<a href=${href} target=${newTab ? '_blank' : nothing} title=${title ?? nothing} rel="noopener noreferrer" referrerpolicy="no-referrer">${content}</a>`;
}
