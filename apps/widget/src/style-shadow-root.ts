import { h } from './render';
import { styles } from './styles';
import { waitingStyles } from './styles-waiting';

/**
 * A constructed stylesheet where the browser has them: a host page's Content-Security-Policy
 * (`style-src 'self'`) blocks a <style> element, even in a shadow root, but not a stylesheet built from
 * script. Older browsers get the <style> element.
 */
export function styleShadowRoot(root: ShadowRoot): HTMLElement[] {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(styles + waitingStyles);
    root.adoptedStyleSheets = [sheet];
    return [];
  }
  return [h('style', {}, styles + waitingStyles)];
}
