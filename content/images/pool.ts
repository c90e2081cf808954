/**
 * The demo image pool: two illustrations per city plus a couple of themed ones.
 * Articles reuse these instead of shipping one image each, which keeps the API
 * small while still giving every list and article page real images to lay out.
 * Each entry carries the alt text that describes what is actually drawn.
 */
import { renderSvg } from './motifs';
import type { ThemeName } from '../demo/themes';
import type { MotifName, Palette } from './motifs';

/** One illustration of the pool. */
export interface PoolImage {
  /** File name without extension (`images/<name>.svg`). */
  readonly name: string;
  readonly motif: MotifName;
  readonly palette: Palette;
  /** Chinese text alternative describing the drawing. */
  readonly alt: string;
  /** Story themes the drawing fits, so generated stories get a fitting picture. */
  readonly suits: readonly ThemeName[];
  /** Figure caption naming what is shown, marked as an illustration. */
  readonly caption: string;
}

const pal = (top: string, bottom: string, a: string, b: string, c: string): Palette => ({
  top,
  bottom,
  a,
  b,
  c,
});

/** The pool, in a fixed order (also the order files are emitted). */
export const IMAGE_POOL: readonly PoolImage[] = [
  {
    name: 'jinan-1',
    suits: ['tourism', 'eco', 'culture', 'livelihood'],
    caption: '泉城泉水（示意插图）',
    motif: 'spring',
    palette: pal('#bfe3f2', '#e8f6ee', '#3f9fc4', '#7cb36a', '#ffffff'),
    alt: '插画：泉池中水波一圈圈荡开，岸边垂柳轻拂，描绘泉城济南的泉水',
  },
  {
    name: 'jinan-2',
    suits: ['tourism', 'industry', 'tech', 'livelihood', 'culture'],
    caption: '泉城夜景（示意插图）',
    motif: 'night',
    palette: pal('#0f1a36', '#2c3f6b', '#3b5286', '#1c2d52', '#ffd36b'),
    alt: '插画：夜色中的城市天际线，灯光倒映在水面上，描绘泉城夜景',
  },
  {
    name: 'qingdao-1',
    suits: ['tourism', 'eco', 'culture', 'livelihood'],
    caption: '青岛海滨（示意插图）',
    motif: 'sea',
    palette: pal('#9fd3f5', '#e6f4fb', '#1f6fa8', '#9ed0ec', '#ffffff'),
    alt: '插画：蓝色海面上波浪起伏，一只白色帆船驶过，描绘青岛海滨',
  },
  {
    name: 'qingdao-2',
    suits: ['industry', 'tech', 'livelihood'],
    caption: '城市轨道交通（示意插图）',
    motif: 'rail',
    palette: pal('#d8e6f3', '#f4f7fa', '#c8102e', '#8aa0b5', '#5b6b7c'),
    alt: '插画：一列红色城轨列车行驶在高架桥上',
  },
  {
    name: 'zibo-1',
    suits: ['industry', 'culture'],
    caption: '淄博陶瓷琉璃（示意插图）',
    motif: 'pottery',
    palette: pal('#f5e9d8', '#fbf5ec', '#2f6f8f', '#a0764a', '#c0392b'),
    alt: '插画：木架上摆放着几只釉色各异的陶瓷花瓶，描绘淄博陶瓷琉璃',
  },
  {
    name: 'zibo-2',
    suits: ['tourism', 'culture', 'livelihood'],
    caption: '周村古商城（示意插图）',
    motif: 'oldtown',
    palette: pal('#f2d7b6', '#fbeee0', '#5a3e2b', '#c79b6d', '#8fb8c9'),
    alt: '插画：青瓦屋顶的老街商铺临水而立，描绘周村古商城',
  },
  {
    name: 'zaozhuang-1',
    suits: ['tourism', 'culture', 'livelihood'],
    caption: '台儿庄古城（示意插图）',
    motif: 'oldtown',
    palette: pal('#cfe6e0', '#f1f8f5', '#3b3b3b', '#d9c3a0', '#5fa3a0'),
    alt: '插画：运河边的古城建筑，灰色屋檐下是木色门窗，描绘台儿庄古城',
  },
  {
    name: 'zaozhuang-2',
    suits: ['agri', 'eco'],
    caption: '滕州乡村田园（示意插图）',
    motif: 'fields',
    palette: pal('#fde8b8', '#fff7e0', '#8dbf4c', '#5e8c2f', '#f29f3d'),
    alt: '插画：阳光下层层铺开的绿色田地，描绘滕州乡村的田园',
  },
  {
    name: 'dongying-1',
    suits: ['eco', 'tourism'],
    caption: '黄河口湿地（示意插图）',
    motif: 'wetland',
    palette: pal('#f6d6a8', '#fbeedb', '#4f8fb0', '#a58b4c', '#3a3a3a'),
    alt: '插画：水边芦苇丛生，几只飞鸟掠过天空，描绘黄河口湿地',
  },
  {
    name: 'dongying-2',
    suits: ['tourism', 'eco'],
    caption: '黄河入海口（示意插图）',
    motif: 'sea',
    palette: pal('#f3c98b', '#fbe8c8', '#b0894c', '#e0c48e', '#fff4dc'),
    alt: '插画：夕阳映照下的宽阔水面与帆影，描绘黄河入海口',
  },
  {
    name: 'yantai-1',
    suits: ['agri'],
    caption: '烟台果园（示意插图）',
    motif: 'orchard',
    palette: pal('#cde8f7', '#f0f8e8', '#4f9a3c', '#a5cf6a', '#d62f2f'),
    alt: '插画：三棵果树上挂满红苹果，描绘烟台果园',
  },
  {
    name: 'yantai-2',
    suits: ['tourism', 'eco', 'industry'],
    caption: '烟台海岸（示意插图）',
    motif: 'sea',
    palette: pal('#a9c9e8', '#e3eef8', '#2d5b8c', '#9dbbd9', '#f7f1e1'),
    alt: '插画：海面波光粼粼，远处帆船点点，描绘烟台海岸',
  },
  {
    name: 'weifang-1',
    suits: ['culture', 'tourism'],
    caption: '潍坊风筝（示意插图）',
    motif: 'kite',
    palette: pal('#8fd0f2', '#dff2fb', '#e94e3c', '#f4b400', '#2e86de'),
    alt: '插画：一只红黄蓝三色菱形风筝在白云间高飞，描绘潍坊风筝',
  },
  {
    name: 'weifang-2',
    suits: ['agri', 'tech', 'eco'],
    caption: '寿光蔬菜大棚（示意插图）',
    motif: 'greenhouse',
    palette: pal('#d6efd0', '#f3faf0', '#e8f4f8', '#6aa84f', '#9cc3d5'),
    alt: '插画：成排的蔬菜大棚坐落在绿色田野上，描绘寿光蔬菜基地',
  },
  {
    name: 'jining-1',
    suits: ['culture', 'tourism', 'livelihood'],
    caption: '曲阜古建筑（示意插图）',
    motif: 'oldtown',
    palette: pal('#f7e3c2', '#fdf4e6', '#7a2e1f', '#e8c27a', '#9b7b4a'),
    alt: '插画：红墙金瓦的古建筑群，描绘曲阜孔庙一带的古建',
  },
  {
    name: 'jining-2',
    suits: ['eco', 'tourism', 'agri'],
    caption: '微山湖荷花（示意插图）',
    motif: 'lotus',
    palette: pal('#d4ecf7', '#eef8fb', '#4a9b5a', '#7fbcd2', '#f08aa6'),
    alt: '插画：湖面上荷叶田田，一朵粉色荷花亭亭而立，描绘微山湖',
  },
  {
    name: 'taian-1',
    suits: ['tourism', 'eco', 'culture'],
    caption: '泰山日出（示意插图）',
    motif: 'mountains',
    palette: pal('#f9d5a7', '#fdeed9', '#6b7f8f', '#3f5566', '#f07f3c'),
    alt: '插画：层峦叠嶂的群山后升起一轮红日，描绘泰山日出',
  },
  {
    name: 'taian-2',
    suits: ['agri'],
    caption: '新泰乡村种植基地（示意插图）',
    motif: 'fields',
    palette: pal('#dff0c8', '#f6fbee', '#6fa84a', '#4d7d32', '#f6c343'),
    alt: '插画：山脚下一垄垄绿色药材田，描绘新泰乡村的种植基地',
  },
  {
    name: 'weihai-1',
    suits: ['tourism', 'eco', 'industry'],
    caption: '威海海洋（示意插图）',
    motif: 'sea',
    palette: pal('#b7e0f5', '#ecf8fd', '#0f5e8c', '#7cc0e0', '#ffffff'),
    alt: '插画：湛蓝海面上白浪翻涌，一艘帆船航行，描绘威海海洋',
  },
  {
    name: 'weihai-2',
    suits: ['agri'],
    caption: '文登大棚（示意插图）',
    motif: 'greenhouse',
    palette: pal('#e4f1da', '#f7fbf2', '#f4fbff', '#86b45f', '#b7d3e0'),
    alt: '插画：春日田野里排列整齐的白色大棚，描绘文登大棚种植',
  },
  {
    name: 'rizhao-1',
    suits: ['tourism', 'eco', 'industry'],
    caption: '日照海滨（示意插图）',
    motif: 'sea',
    palette: pal('#ffcf8a', '#ffeed6', '#23749c', '#8ec9e0', '#f0643c'),
    alt: '插画：朝阳照在海面上，帆船泊在近岸，描绘日照海滨',
  },
  {
    name: 'rizhao-2',
    suits: ['agri'],
    caption: '日照茶园（示意插图）',
    motif: 'tea',
    palette: pal('#dcefd7', '#f4faf1', '#7fb861', '#3e7d32', '#f5d76e'),
    alt: '插画：山坡上一层层绿色茶垄，描绘日照绿茶茶园',
  },
  {
    name: 'linyi-1',
    suits: ['industry', 'tech', 'livelihood'],
    caption: '临沂商贸物流（示意插图）',
    motif: 'logistics',
    palette: pal('#dfe7f1', '#f5f7fa', '#2f6db5', '#9aa5b1', '#f29d38'),
    alt: '插画：公路旁一辆蓝色货车和成堆的橙色包裹，描绘临沂商贸物流',
  },
  {
    name: 'linyi-2',
    suits: ['tourism', 'eco', 'agri', 'culture'],
    caption: '沂蒙山区（示意插图）',
    motif: 'mountains',
    palette: pal('#d9ecd2', '#f1f8ee', '#5d8f4e', '#2f5f3a', '#f3e4a0'),
    alt: '插画：连绵起伏的青山与淡黄色的太阳，描绘沂蒙山区',
  },
  {
    name: 'dezhou-1',
    suits: ['industry', 'tech', 'eco'],
    caption: '德州光伏产业（示意插图）',
    motif: 'solar',
    palette: pal('#a6d8f5', '#e6f5fc', '#1f3f74', '#c8d9a8', '#ffc928'),
    alt: '插画：烈日下排排太阳能光伏板整齐排列，描绘德州太阳能产业',
  },
  {
    name: 'dezhou-2',
    suits: ['agri'],
    caption: '德州蔬菜种植（示意插图）',
    motif: 'fields',
    palette: pal('#e8f3d2', '#f8fbef', '#86b94a', '#4e8a2c', '#ffb347'),
    alt: '插画：阳光下的绿色菜田延伸到远方，描绘德州蔬菜种植',
  },
  {
    name: 'liaocheng-1',
    suits: ['tourism', 'eco', 'culture', 'livelihood'],
    caption: '江北水城（示意插图）',
    motif: 'bridge',
    palette: pal('#cfe9f2', '#eef8fb', '#5aa6c8', '#8c7b6b', '#ffe9a8'),
    alt: '插画：湖面上一座拱桥，桥洞倒映在水中，描绘江北水城聊城',
  },
  {
    name: 'liaocheng-2',
    suits: ['culture', 'tourism'],
    caption: '聊城古城（示意插图）',
    motif: 'oldtown',
    palette: pal('#f1dcc4', '#fbf1e5', '#4b3a2f', '#c9a27e', '#7fb3c8'),
    alt: '插画：古楼与老街房屋临水排列，描绘聊城古城',
  },
  {
    name: 'binzhou-1',
    suits: ['agri'],
    caption: '沾化冬枣园（示意插图）',
    motif: 'orchard',
    palette: pal('#f3e6c9', '#fbf6ea', '#5f9b3a', '#c2b27a', '#9c2a1d'),
    alt: '插画：果树上结满红褐色的冬枣，描绘滨州沾化冬枣园',
  },
  {
    name: 'binzhou-2',
    suits: ['eco', 'tourism'],
    caption: '渤海湿地（示意插图）',
    motif: 'wetland',
    palette: pal('#cfe2ef', '#eef5fa', '#3f7fa6', '#8a8f5a', '#2b2b2b'),
    alt: '插画：渤海岸边的浅滩与芦苇，飞鸟成群，描绘滨州沿海湿地',
  },
  {
    name: 'heze-1',
    suits: ['tourism', 'culture', 'agri'],
    caption: '菏泽牡丹（示意插图）',
    motif: 'peony',
    palette: pal('#fbe3ec', '#fdf4f7', '#e0507a', '#f5b3c8', '#5e9c45'),
    alt: '插画：一朵盛开的粉红牡丹和绿叶，描绘菏泽牡丹',
  },
  {
    name: 'heze-2',
    suits: ['agri', 'eco'],
    caption: '菏泽平原乡村（示意插图）',
    motif: 'fields',
    palette: pal('#fbe6c9', '#fff6ea', '#b5c95a', '#7e9a3a', '#f08a5d'),
    alt: '插画：夕阳下的成片田野，描绘菏泽平原乡村',
  },
  {
    name: 'film-1',
    suits: ['culture'],
    caption: '电影放映（示意插图）',
    motif: 'film',
    palette: pal('#2a2438', '#3e3454', '#5c4f7a', '#8b7aa8', '#f4d9a0'),
    alt: '插画：银幕两侧各有一卷电影胶片盘，描绘电影放映',
  },
];

/** Pool images by name. */
const BY_NAME = new Map(IMAGE_POOL.map((img) => [img.name, img]));

/** Looks a pool image up by name. */
export function poolImage(name: string): PoolImage | undefined {
  return BY_NAME.get(name);
}

/** The pool images of one city (`<city>-1`, `<city>-2`). */
export function cityImages(cityId: string): PoolImage[] {
  return IMAGE_POOL.filter((img) => img.name.startsWith(`${cityId}-`));
}

/** Renders every pool image: file path (relative to the API root) → SVG text. */
export function renderPool(): Map<string, string> {
  return new Map(
    IMAGE_POOL.map((img) => [`images/${img.name}.svg`, renderSvg(img.motif, img.palette)]),
  );
}
