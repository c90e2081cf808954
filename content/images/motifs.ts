/**
 * Simple scenic compositions for the demo image pool. Each motif returns the
 * shapes drawn over a vertical sky gradient on a 640×360 canvas. They are
 * deliberately plain (a handful of shapes, no text, no external references) so
 * every file stays well under 2 KB and is safe to serve as-is.
 */

/** Colours of one image: the two gradient stops and three accents. */
export interface Palette {
  readonly top: string;
  readonly bottom: string;
  readonly a: string;
  readonly b: string;
  readonly c: string;
}

/** A motif draws its shapes for the given palette. */
export type Motif = (p: Palette) => string;

const sun = (x: number, y: number, r: number, fill: string): string =>
  `<circle cx="${x}" cy="${y}" r="${r}" fill="${fill}"/>`;

/** Rolling hills in three layers with a rising sun (泰山, 沂蒙山). */
const mountains: Motif = (p) =>
  sun(470, 120, 44, p.c) +
  `<polygon points="0,260 120,120 230,230 350,90 470,220 560,150 640,210 640,360 0,360" fill="${p.a}" opacity=".75"/>` +
  `<polygon points="0,300 150,190 290,280 420,200 640,300 640,360 0,360" fill="${p.b}"/>` +
  `<path d="M0 330 Q160 290 320 325 T640 320 V360 H0Z" fill="${p.a}"/>`;

/** Open sea with waves, a sail and the sun low over the horizon (青岛, 威海, 日照, 烟台). */
const sea: Motif = (p) =>
  sun(160, 150, 38, p.c) +
  `<rect y="200" width="640" height="160" fill="${p.a}"/>` +
  `<path d="M0 230 Q40 220 80 230 T160 230 T240 230 T320 230 T400 230 T480 230 T560 230 T640 230" fill="none" stroke="${p.b}" stroke-width="4"/>` +
  `<path d="M0 280 Q40 270 80 280 T160 280 T240 280 T320 280 T400 280 T480 280 T560 280 T640 280" fill="none" stroke="${p.b}" stroke-width="4" opacity=".7"/>` +
  `<polygon points="440,190 440,110 490,190" fill="${p.c}"/><rect x="420" y="190" width="90" height="10" rx="4" fill="${p.b}"/>`;

/** A spring pool with ripples and willow branches (济南 泉城). */
const spring: Motif = (p) =>
  `<rect y="220" width="640" height="140" fill="${p.b}"/>` +
  `<ellipse cx="320" cy="270" rx="210" ry="60" fill="${p.a}"/>` +
  [40, 80, 120]
    .map(
      (r, i) =>
        `<ellipse cx="320" cy="270" rx="${r}" ry="${Math.round(r / 3.5)}" fill="none" stroke="${p.c}" stroke-width="${3 - i}"/>`,
    )
    .join('') +
  `<path d="M60 0 Q90 80 70 180 M100 0 Q120 90 110 170 M560 0 Q540 80 560 170 M590 0 Q600 90 580 190" fill="none" stroke="${p.b}" stroke-width="5" stroke-linecap="round"/>`;

/** City lights by night reflected in water (泉城夜景). */
const night: Motif = (p) =>
  sun(540, 70, 26, p.c) +
  `<path d="M0 230 V150 H60 V120 H110 V170 H170 V100 H220 V160 H290 V130 H350 V180 H420 V110 H470 V150 H540 V140 H600 V170 H640 V230Z" fill="${p.a}"/>` +
  `<rect y="230" width="640" height="130" fill="${p.b}"/>` +
  [70, 190, 300, 440, 570]
    .map(
      (x) =>
        `<rect x="${x}" y="250" width="24" height="6" rx="3" fill="${p.c}" opacity=".7"/><rect x="${x + 6}" y="275" width="12" height="5" rx="2" fill="${p.c}" opacity=".4"/>`,
    )
    .join('');

/** A diamond kite with a ribbon tail among clouds (潍坊 风筝). */
const kite: Motif = (p) =>
  `<ellipse cx="140" cy="90" rx="70" ry="22" fill="#fff" opacity=".7"/><ellipse cx="520" cy="250" rx="90" ry="26" fill="#fff" opacity=".6"/>` +
  `<polygon points="360,50 430,130 360,230 290,130" fill="${p.a}"/><polygon points="360,50 430,130 360,130" fill="${p.b}"/><polygon points="290,130 360,130 360,230" fill="${p.c}"/>` +
  `<path d="M360 230 Q330 280 370 300 T350 360" fill="none" stroke="${p.b}" stroke-width="4"/>` +
  `<path d="M0 330 Q320 300 640 330 V360 H0Z" fill="#8cc474"/>`;

/** A large peony blossom with leaves (菏泽 牡丹). */
const peony: Motif = (p) =>
  `<ellipse cx="240" cy="270" rx="90" ry="34" fill="${p.c}" transform="rotate(-20 240 270)"/><ellipse cx="400" cy="270" rx="90" ry="34" fill="${p.c}" transform="rotate(20 400 270)"/>` +
  [
    [320, 120],
    [250, 170],
    [390, 170],
    [280, 230],
    [360, 230],
  ]
    .map(([x, y]) => `<circle cx="${x}" cy="${y}" r="70" fill="${p.a}" opacity=".85"/>`)
    .join('') +
  `<circle cx="320" cy="180" r="50" fill="${p.b}"/><circle cx="320" cy="180" r="18" fill="#f6c343"/>`;

/** An orchard: trees heavy with fruit (烟台 苹果, 滨州 冬枣). */
const orchard: Motif = (p) =>
  `<rect y="270" width="640" height="90" fill="${p.b}"/>` +
  [110, 320, 530]
    .map(
      (x) =>
        `<rect x="${x - 10}" y="200" width="20" height="90" fill="#6b4a2b"/><circle cx="${x}" cy="170" r="80" fill="${p.a}"/>` +
        [
          [-35, -20],
          [20, -40],
          [30, 15],
          [-15, 30],
          [-45, 25],
        ]
          .map(
            ([dx, dy]) =>
              `<circle cx="${x + (dx ?? 0)}" cy="${170 + (dy ?? 0)}" r="11" fill="${p.c}"/>`,
          )
          .join(''),
    )
    .join('');

/** Reeds at the water's edge with birds in flight (东营 黄河口湿地). */
const wetland: Motif = (p) =>
  `<rect y="230" width="640" height="130" fill="${p.a}"/>` +
  `<path d="M30 360 V240 M60 360 V220 M90 360 V250 M520 360 V230 M555 360 V210 M590 360 V245 M620 360 V225" stroke="${p.b}" stroke-width="6" stroke-linecap="round"/>` +
  `<path d="M220 110 q15 -14 30 0 q15 -14 30 0 M320 80 q12 -11 24 0 q12 -11 24 0 M400 130 q10 -9 20 0 q10 -9 20 0" fill="none" stroke="${p.c}" stroke-width="4" stroke-linecap="round"/>`;

/** Old town roofs above a canal (台儿庄古城, 曲阜, 周村古商城, 光岳楼). */
const oldtown: Motif = (p) =>
  `<rect y="280" width="640" height="80" fill="${p.c}"/>` +
  [
    [40, 150],
    [250, 120],
    [450, 160],
  ]
    .map(
      ([x = 0, w = 0]) =>
        `<rect x="${x + 15}" y="190" width="${w - 30}" height="90" fill="${p.b}"/>` +
        `<polygon points="${x - 10},195 ${x + w / 2},130 ${x + w + 10},195" fill="${p.a}"/>` +
        `<rect x="${x + w / 2 - 15}" y="230" width="30" height="50" fill="${p.a}"/>`,
    )
    .join('');

/** An arched stone bridge over a lake (聊城 江北水城). */
const bridge: Motif = (p) =>
  sun(540, 80, 30, p.c) +
  `<rect y="230" width="640" height="130" fill="${p.a}"/>` +
  `<path d="M60 240 Q320 80 580 240 V260 H450 A130 70 0 0 0 190 260 H60Z" fill="${p.b}"/>` +
  `<path d="M190 260 A130 70 0 0 0 450 260" fill="none" stroke="${p.b}" stroke-width="6" opacity=".5"/>`;

/** Rows of solar panels under a bright sun (德州 太阳能). */
const solar: Motif = (p) =>
  sun(500, 90, 48, p.c) +
  `<rect y="250" width="640" height="110" fill="${p.b}"/>` +
  [0, 1, 2]
    .map((row) =>
      [0, 1, 2, 3]
        .map((col) => {
          const x = 40 + col * 150 + row * 20;
          const y = 200 + row * 50;
          return `<polygon points="${x},${y + 40} ${x + 30},${y} ${x + 140},${y} ${x + 110},${y + 40}" fill="${p.a}"/>`;
        })
        .join(''),
    )
    .join('');

/** Glazed vases on a shelf (淄博 陶瓷琉璃). */
const pottery: Motif = (p) =>
  `<rect y="290" width="640" height="70" fill="${p.b}"/>` +
  `<path d="M150 290 C90 230 110 170 150 150 V120 H190 V150 C230 170 250 230 190 290Z" fill="${p.a}"/>` +
  `<path d="M300 290 C260 250 260 190 300 170 C290 150 300 130 320 130 C340 130 350 150 340 170 C380 190 380 250 340 290Z" fill="${p.c}"/>` +
  `<path d="M450 290 C430 240 440 190 470 180 H500 C530 190 540 240 520 290Z" fill="${p.a}" opacity=".8"/>`;

/** A logistics hub: road, parcels and a truck (临沂 商贸物流). */
const logistics: Motif = (p) =>
  `<rect y="270" width="640" height="90" fill="${p.b}"/><rect y="305" width="640" height="6" fill="${p.c}"/>` +
  `<rect x="80" y="200" width="190" height="80" rx="6" fill="${p.a}"/><rect x="270" y="225" width="60" height="55" rx="6" fill="${p.c}"/>` +
  `<circle cx="120" cy="285" r="16" fill="#333"/><circle cx="300" cy="285" r="16" fill="#333"/>` +
  `<rect x="400" y="210" width="60" height="60" fill="${p.c}"/><rect x="470" y="230" width="50" height="40" fill="${p.a}"/><rect x="430" y="170" width="50" height="40" fill="${p.a}" opacity=".8"/>`;

/** Striped fields under the sun (farmland across the province). */
const fields: Motif = (p) =>
  sun(120, 90, 34, p.c) +
  `<polygon points="0,210 640,180 640,360 0,360" fill="${p.a}"/>` +
  `<polygon points="0,250 640,220 640,260 0,300" fill="${p.b}"/>` +
  `<polygon points="0,330 640,290 640,320 0,360" fill="${p.b}"/>`;

/** Rows of vegetable greenhouses (寿光, 文登 大棚). */
const greenhouse: Motif = (p) =>
  `<rect y="260" width="640" height="100" fill="${p.b}"/>` +
  [20, 230, 440]
    .map(
      (x) =>
        `<path d="M${x} 290 Q${x + 90} 150 ${x + 180} 290Z" fill="${p.a}" opacity=".85"/><path d="M${x + 45} 290 Q${x + 90} 190 ${x + 135} 290" fill="none" stroke="${p.c}" stroke-width="3"/>`,
    )
    .join('');

/** Tea terraces on a hillside (日照 绿茶). */
const tea: Motif = (p) =>
  `<path d="M0 180 Q320 60 640 170 V360 H0Z" fill="${p.a}"/>` +
  [220, 260, 300, 340]
    .map(
      (y) =>
        `<path d="M0 ${y} Q320 ${y - 110} 640 ${y - 10}" fill="none" stroke="${p.b}" stroke-width="10" stroke-linecap="round"/>`,
    )
    .join('') +
  sun(540, 70, 28, p.c);

/** Lotus leaves and a blossom on a lake (微山湖). */
const lotus: Motif = (p) =>
  `<rect y="200" width="640" height="160" fill="${p.b}"/>` +
  [
    [120, 260, 60],
    [300, 300, 70],
    [500, 250, 55],
    [420, 330, 40],
  ]
    .map(
      ([x, y, r]) =>
        `<ellipse cx="${x}" cy="${y}" rx="${r}" ry="${Math.round((r ?? 0) / 3)}" fill="${p.a}"/>`,
    )
    .join('') +
  `<path d="M300 300 V200" stroke="${p.a}" stroke-width="5"/><path d="M300 200 C270 180 280 140 300 130 C320 140 330 180 300 200Z" fill="${p.c}"/>`;

/** A cinema screen flanked by film reels (film column). */
const film: Motif = (p) =>
  `<rect x="150" y="60" width="340" height="190" rx="10" fill="${p.a}"/>` +
  `<rect x="170" y="80" width="300" height="150" fill="${p.c}" opacity=".6"/>` +
  [90, 550]
    .map(
      (x) =>
        `<circle cx="${x}" cy="290" r="50" fill="${p.b}"/><circle cx="${x}" cy="290" r="12" fill="${p.top}"/>`,
    )
    .join('') +
  `<rect y="330" width="640" height="30" fill="${p.b}" opacity=".6"/>`;

/** A metro train on elevated track (城市轨道交通). */
const rail: Motif = (p) =>
  `<rect y="250" width="640" height="110" fill="${p.b}"/>` +
  `<rect y="230" width="640" height="14" fill="${p.c}"/>` +
  [80, 260, 440, 600]
    .map((x) => `<rect x="${x}" y="244" width="20" height="116" fill="${p.c}"/>`)
    .join('') +
  `<rect x="120" y="160" width="400" height="66" rx="30" fill="${p.a}"/>` +
  [170, 250, 330, 410]
    .map((x) => `<rect x="${x}" y="178" width="50" height="22" rx="4" fill="${p.top}"/>`)
    .join('');

/** Every motif by name, so the pool can be described as data. */
export const MOTIFS = {
  mountains,
  sea,
  spring,
  night,
  kite,
  peony,
  orchard,
  wetland,
  oldtown,
  bridge,
  solar,
  pottery,
  logistics,
  fields,
  greenhouse,
  tea,
  lotus,
  film,
  rail,
} satisfies Record<string, Motif>;

/** Name of a motif. */
export type MotifName = keyof typeof MOTIFS;

/** Renders a complete standalone SVG document (640×360, no text, no external references). */
export function renderSvg(motif: MotifName, p: Palette): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 360" width="640" height="360">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">` +
    `<stop offset="0" stop-color="${p.top}"/><stop offset="1" stop-color="${p.bottom}"/>` +
    `</linearGradient></defs><rect width="640" height="360" fill="url(#g)"/>` +
    MOTIFS[motif](p) +
    `</svg>\n`
  );
}
