// Makes src/geo/guangdong.json, the map the finder and the dashboard draw, from ECharts 4.9.0's
// map/json/province/guangdong.json (Apache-2.0; web/README.md says where it comes from and what was changed):
//   npm pack echarts@4.9.0 && tar xzf echarts-4.9.0.tgz package/map/json/province/guangdong.json
//   node scripts/guangdong-geometry.mjs package/map/json/province/guangdong.json
// The source is ECharts' compact encoding (zigzag deltas in UTF-8 characters); this decodes it, keeps each city's
// rings simplified to about 1 km (Douglas-Peucker) and rounds to 0.01 degree, so the file stays a few tens of KB.
import { readFileSync, writeFileSync } from 'node:fs';

const TOLERANCE = 0.01;
const source = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const scale = source.UTF8Scale || 1024;

function decodeRing(text, offsets) {
  const ring = [];
  let x = offsets[0];
  let y = offsets[1];
  for (let i = 0; i < text.length; i += 2) {
    let dx = text.charCodeAt(i) - 64;
    let dy = text.charCodeAt(i + 1) - 64;
    dx = (dx >> 1) ^ -(dx & 1);
    dy = (dy >> 1) ^ -(dy & 1);
    x += dx;
    y += dy;
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

function distance(p, a, b) {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const length = Math.hypot(dx, dy);
  if (length === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / length;
}

function simplify(points) {
  if (points.length < 3) return points;
  let farthest = 0;
  let index = 0;
  for (let i = 1; i < points.length - 1; i++) {
    const d = distance(points[i], points[0], points[points.length - 1]);
    if (d > farthest) [farthest, index] = [d, i];
  }
  if (farthest <= TOLERANCE) return [points[0], points[points.length - 1]];
  return [...simplify(points.slice(0, index + 1)).slice(0, -1), ...simplify(points.slice(index))];
}

const round = (v) => Math.round(v * 100) / 100;
const features = source.features.map((feature) => {
  const geometry = feature.geometry;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const offsets = geometry.type === 'Polygon' ? [geometry.encodeOffsets] : geometry.encodeOffsets;
  const kept = polygons
    .map((polygon, p) => polygon.map((ring, r) => simplify(decodeRing(ring, offsets[p][r])).map((pt) => pt.map(round))))
    .filter((polygon) => polygon[0].length >= 4);
  return {
    type: 'Feature',
    properties: { code: feature.id, name: feature.properties.name, centre: feature.properties.cp },
    geometry: { type: 'MultiPolygon', coordinates: kept.map((polygon) => polygon.filter((ring) => ring.length >= 4)) },
  };
});
writeFileSync('src/geo/guangdong.json', JSON.stringify({ type: 'FeatureCollection', features }));
console.log(`${features.length} cities, ${JSON.stringify({ features }).length} bytes`);
