import geometry from '../geo/guangdong.json';

/** One city's outline as shipped in src/geo/guangdong.json (web/README.md: source and licence). */
export interface CityShape {
  type: 'Feature';
  properties: { code: string; name: string; centre: number[] };
  geometry: { type: 'MultiPolygon'; coordinates: number[][][][] };
}

export const GUANGDONG = geometry as { type: 'FeatureCollection'; features: CityShape[] };

const WEST = 109.6;
const EAST = 117.3;
const SOUTH = 20.1;
const NORTH = 25.6;
// Equirectangular, shrunk east-west by the cosine of the middle latitude: close enough over one province.
const X_SCALE = Math.cos(((SOUTH + NORTH) / 2) * (Math.PI / 180));
export const WIDTH = 800;
export const HEIGHT = Math.round((WIDTH * (NORTH - SOUTH)) / ((EAST - WEST) * X_SCALE));

export function project(lon: number, lat: number): [number, number] {
  return [((lon - WEST) / (EAST - WEST)) * WIDTH, ((NORTH - lat) / (NORTH - SOUTH)) * HEIGHT];
}

export function unproject(x: number, y: number): [number, number] {
  return [WEST + (x / WIDTH) * (EAST - WEST), NORTH - (y / HEIGHT) * (NORTH - SOUTH)];
}

const SVG = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

function pathOf(city: CityShape): string {
  return city.geometry.coordinates
    .flatMap((polygon) => polygon.map((ring) => 'M' + ring.map(([lon, lat]) => project(lon, lat).map((v) => v.toFixed(1)).join(',')).join('L') + 'Z'))
    .join('');
}

/** Draws the province's cities into an <svg>, each filled as {@code fill} says, with its name at its centre. */
export function drawProvince(target: SVGSVGElement, fill: (code: string) => string, label: (city: CityShape) => string): SVGGElement {
  target.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  target.replaceChildren();
  const cities = svg('g', { class: 'cities' });
  for (const city of GUANGDONG.features) {
    const shape = svg('path', { d: pathOf(city), fill: fill(city.properties.code), class: 'city', 'data-code': city.properties.code });
    const title = svg('title', {});
    title.textContent = label(city);
    shape.append(title);
    cities.append(shape);
  }
  const names = svg('g', { class: 'city-names', 'aria-hidden': 'true' });
  for (const city of GUANGDONG.features) {
    const [x, y] = project(city.properties.centre[0], city.properties.centre[1]);
    const text = svg('text', { x: x.toFixed(1), y: y.toFixed(1) });
    text.textContent = city.properties.name;
    names.append(text);
  }
  const markers = svg('g', { class: 'markers' });
  target.append(cities, names, markers);
  return markers;
}

/** Where a city's name is drawn: its centre, for events placed only by their division. */
export function cityCentre(code: string | undefined): [number, number] | undefined {
  const city = GUANGDONG.features.find((c) => c.properties.code === code);
  return city ? [city.properties.centre[0], city.properties.centre[1]] : undefined;
}
