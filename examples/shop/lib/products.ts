/** The shop's catalog. Prices are in fen; images are files under `assets/`. */

export type CategoryId = 'green' | 'oolong' | 'black' | 'teaware';

export interface Product {
  id: string;
  name: string;
  /** Fen (1/100 yuan). */
  price: number;
  currency: 'CNY';
  category: CategoryId;
  description: string;
  /** Pack size or capacity, shown under the name. */
  spec: string;
  image: string;
  /** Units sold, shown as social proof on the card. */
  sold: number;
  tag?: 'New' | 'Hot' | 'Limited';
}

export const categories: { id: CategoryId | 'all'; name: string }[] = [
  { id: 'all', name: 'All' },
  { id: 'green', name: 'Green tea' },
  { id: 'oolong', name: 'Oolong' },
  { id: 'black', name: 'Black tea' },
  { id: 'teaware', name: 'Teaware' },
];

export const products: Product[] = [
  {
    id: 'longjing',
    name: 'West Lake Longjing',
    price: 12800,
    currency: 'CNY',
    category: 'green',
    spec: '100 g tin',
    description: 'Pan-fired Dragon Well from the hills around Hangzhou: flat jade leaves, a chestnut aroma and a sweet, clean finish. Brew at 80 °C.',
    image: 'assets/longjing.png',
    sold: 2310,
    tag: 'Hot',
  },
  {
    id: 'biluochun',
    name: 'Dongting Biluochun',
    price: 9800,
    currency: 'CNY',
    category: 'green',
    spec: '100 g tin',
    description: 'Tightly curled spring buds from Lake Tai, grown among fruit trees. Floral and fruity with a velvety body.',
    image: 'assets/biluochun.png',
    sold: 1184,
  },
  {
    id: 'baicha',
    name: 'Anji Bai Cha',
    price: 8800,
    currency: 'CNY',
    category: 'green',
    spec: '50 g pouch',
    description: 'A pale-leaf green tea rich in amino acids: brothy, sweet and never bitter. Picked before Qingming.',
    image: 'assets/baicha.png',
    sold: 640,
    tag: 'New',
  },
  {
    id: 'tieguanyin',
    name: 'Anxi Tieguanyin',
    price: 15800,
    currency: 'CNY',
    category: 'oolong',
    spec: '250 g, 8 g packs',
    description: 'Lightly oxidised rolled oolong with an orchid fragrance and a lingering "yun" aftertaste. Good for seven infusions.',
    image: 'assets/tieguanyin.png',
    sold: 1876,
  },
  {
    id: 'dahongpao',
    name: 'Wuyi Da Hong Pao',
    price: 19800,
    currency: 'CNY',
    category: 'oolong',
    spec: '100 g box',
    description: 'Charcoal-roasted rock oolong from the Wuyi mountains: mineral, toasty and deep, with notes of dried fruit.',
    image: 'assets/dahongpao.png',
    sold: 932,
    tag: 'Limited',
  },
  {
    id: 'dongding',
    name: 'Dong Ding Oolong',
    price: 11800,
    currency: 'CNY',
    category: 'oolong',
    spec: '150 g tin',
    description: 'Medium-roast Taiwanese oolong with honey and baked-bread notes. Smooth enough for every day.',
    image: 'assets/dongding.png',
    sold: 415,
  },
  {
    id: 'keemun',
    name: 'Qimen Keemun',
    price: 6800,
    currency: 'CNY',
    category: 'black',
    spec: '150 g tin',
    description: 'The classic Anhui black tea: wine-red liquor, a hint of orchid and cocoa. Lovely with or without milk.',
    image: 'assets/keemun.png',
    sold: 3021,
    tag: 'Hot',
  },
  {
    id: 'dianhong',
    name: 'Dian Hong Golden Tips',
    price: 8900,
    currency: 'CNY',
    category: 'black',
    spec: '100 g pouch',
    description: 'Downy golden buds from Yunnan, malty and sweet with notes of sweet potato and honey.',
    image: 'assets/dianhong.png',
    sold: 1290,
  },
  {
    id: 'lapsang',
    name: 'Lapsang Souchong',
    price: 5900,
    currency: 'CNY',
    category: 'black',
    spec: '100 g pouch',
    description: 'Pine-smoked black tea from Tongmu: bold, smoky and warming, a campfire in a cup.',
    image: 'assets/lapsang.png',
    sold: 578,
  },
  {
    id: 'gaiwan',
    name: 'Ru Kiln Gaiwan',
    price: 16800,
    currency: 'CNY',
    category: 'teaware',
    spec: '150 ml',
    description: 'A sky-blue lidded bowl with a crackle glaze that deepens with every brew. Bowl, lid and saucer.',
    image: 'assets/gaiwan.png',
    sold: 356,
  },
  {
    id: 'teapot',
    name: 'Yixing Zisha Teapot',
    price: 36800,
    currency: 'CNY',
    category: 'teaware',
    spec: '200 ml',
    description: 'Hand-thrown purple clay pot from Yixing. Unglazed clay seasons over time; keep it for one kind of tea.',
    image: 'assets/teapot.png',
    sold: 127,
    tag: 'Limited',
  },
  {
    id: 'teatray',
    name: 'Bamboo Tea Tray',
    price: 12900,
    currency: 'CNY',
    category: 'teaware',
    spec: '40 × 25 cm',
    description: 'A slatted bamboo gongfu tray with a hidden drip drawer, sized for a pot and four cups.',
    image: 'assets/teatray.png',
    sold: 264,
  },
];

export function findProduct(id: string | undefined): Product | undefined {
  return products.find((p) => p.id === id);
}

/** `2310` → `'2.3k sold'`. */
export function soldLabel(n: number): string {
  return n >= 1000 ? `${(n / 1000).toFixed(1)}k sold` : `${n} sold`;
}
