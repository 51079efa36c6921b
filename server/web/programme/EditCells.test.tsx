import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CategoryList } from '../../../shared/sync/catalogue';
import { EditCategory, EditText } from './EditCells';

// The catalogue rows' shared cells as markup: which choices the category list offers in each case.

const categories = CategoryList.parse({
  defaultCode: 'general',
  categories: [
    { code: 'general', names: { 'zh-CN': '普通商品', en: 'General' } },
    { code: 'bakery', names: { 'zh-CN': '烘焙', en: 'Bakery' } },
  ],
});
const options = (html: string): string[] => [...html.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1] ?? '');
const category = (value: string, blank?: string) =>
  renderToStaticMarkup(
    <EditCategory
      label="Category"
      value={value}
      categories={categories}
      lang="zh-CN"
      {...(blank === undefined ? {} : { blank })}
      disabled={false}
      issue={undefined}
      onChange={() => undefined}
    />,
  );

describe('the catalogue rows’ cells', () => {
  it('offers the chain’s categories in the page’s language, a blank first for a new item', () => {
    expect(options(category('', 'Default (general)'))).toEqual(['', 'general', 'bakery']);
    expect(category('bakery')).toContain('>烘焙</option>');
    expect(options(category('bakery'))).toEqual(['general', 'bakery']);
  });

  it('keeps a code the list no longer has as a choice of its own', () => {
    expect(options(category('retired'))).toEqual(['retired', 'general', 'bakery']);
  });

  it('names a text box for a screen reader and shows its issue', () => {
    const html = renderToStaticMarkup(
      <EditText
        label="Price"
        value="1.00"
        size={8}
        mode="decimal"
        disabled
        issue="Too much"
        onChange={() => undefined}
      />,
    );
    expect(html).toContain('aria-label="Price"');
    expect(html).toContain('inputMode="decimal"');
    expect(html).toContain('disabled=""');
    expect(html).toContain('role="alert">Too much</span>');
  });
});
