// The shop's goods at the till (the Programme screen's Goods tab, item mode's scans), in both
// languages. en.ts and zhCN.ts take it as their `goods` key.

const zhCN = {
  readOnly: '商品由总部设置，收银机同步后自动更新。',
  find: '查找（名称、编码或条码）',
  sku: '编码',
  barcode: '条码',
  name: '名称',
  category: '类别',
  price: '价格',
  active: '在售',
  none: '没有商品。',
  new: '添加商品',
  edit: '修改',
  deactivate: '停售',
  activate: '恢复在售',
  save: '保存商品',
  cancel: '取消',
  noBarcode: '无',
  /** Item mode: a scanned product barcode that no goods (and no member's phone) match. */
  noProduct: '没有条码为“{{barcode}}”的商品。',
};

const en: typeof zhCN = {
  readOnly: 'The goods are set at head office; every till follows at its next sync.',
  find: 'Find (name, SKU or barcode)',
  sku: 'SKU',
  barcode: 'Barcode',
  name: 'Name',
  category: 'Category',
  price: 'Price',
  active: 'On sale',
  none: 'No goods.',
  new: 'Add a product',
  edit: 'Edit',
  deactivate: 'Take off sale',
  activate: 'Put on sale',
  save: 'Save product',
  cancel: 'Cancel',
  noBarcode: 'none',
  noProduct: 'No product with barcode “{{barcode}}”.',
};

export const goodsText = { 'zh-CN': zhCN, en };
