// Map page (/map.html?metric=spending&year=2024): a choropleth of one figure per country. Boundaries:
// Natural Earth 1:110m (public domain) from the world-atlas package, served from the jar (map/SOURCES.md),
// TopoJSON turned into GeoJSON by topojson-client; its ISO 3166 numeric ids mapped to the store's ISO
// alpha-3 codes. Each metric is one entry of METRICS: how to load it, its units, bands and source.
import {api, citations, el, number, query, readState, runPage, saveState, select, sourceLine} from './common.js';
import {chartCard} from './charts.js';
import {latestCoveredYear} from './spending-years.js';

const BOUNDARIES = 'Boundaries: Natural Earth 1:110m Admin 0 (public domain), via world-atlas 2.0.2';
/** Features world-atlas leaves without an ISO numeric id, by name, where the store has a code. */
const BY_NAME = {Kosovo: 'XKX'};
/** Areas: the corners (top-left, bottom-right [longitude, latitude]) fitted into the chart, null for the whole map. */
const VIEWS = {europe: {label: 'Europe', corners: [[-25, 71], [45, 34]]}, atlantic: {label: 'North Atlantic', corners: [[-125, 72], [45, 25]]},
  world: {label: 'World', corners: null}};

/**
 * The metrics: label, units, colour bands (lower bounds, ascending) and load(state) → {rows: [{iso3,
 * country, value, ...}], source, title, columns, years?}.
 */
const METRICS = {
  spending: {
    label: 'Defence spending, % of GDP',
    units: '% of GDP',
    bands: [[0, 1, '#e8f1fa'], [1, 2, '#9ecae1'], [2, 3.5, '#3182bd'], [3.5, null, '#08519c']],
    async load(state) {
      const all = await api(`/api/v1/spending${query({source: state.source, vintage: 'all'})}`);
      const years = [...new Set(all.rows.map((r) => r.year))].sort((a, b) => b - a);
      const year = years.includes(Number(state.year)) ? Number(state.year) : latestCoveredYear(all.rows);
      // one release for the year (the latest covering it), as the guideline counts take it
      const result = await api(`/api/v1/spending${query({year, source: state.source, threshold: 2})}`);
      const rows = result.rows.filter((r) => r.pct_gdp !== null).map((r) => ({...r, value: r.pct_gdp}));
      return {rows, year, years, title: `Defence spending, % of GDP, ${year} (${state.source.toUpperCase()})`,
        source: sourceLine(result, state.source.toUpperCase()),
        columns: ['country', 'iso3', 'year', 'value', 'estimate', 'vintage_month', 'source_url'],
        missing: result.rows.filter((r) => r.pct_gdp === null).map((r) => r.country)};
    },
  },
  aid: {
    label: 'Aid allocated to Ukraine, latest release',
    units: 'EUR billion, running total',
    bands: [[0, 1, '#fee6ce'], [1, 5, '#fdae6b'], [5, 20, '#e6550d'], [20, null, '#a63603']],
    async load() {
      const result = await api('/api/v1/aid?release=latest&category=total&measure=allocation');
      const rows = result.rows.filter((r) => r.donor_iso3 && r.currency === 'EUR' && r.unit === 'billion' && r.basis === 'cumulative')
        .map((r) => ({...r, iso3: r.donor_iso3, country: r.donor, value: r.amount}));
      const release = rows[0] ? rows[0].release : 'no release';
      return {rows, title: `Aid allocated to Ukraine by donor country, ${release}`, source: sourceLine({sources: citations(rows),
        vintages: [{vintage: release}]}), columns: ['country', 'iso3', 'value', 'currency', 'data_through', 'release', 'source_url'],
      missing: []};
    },
  },
  aid_gdp: {
    label: 'Aid allocated to Ukraine, % of donor GDP',
    units: '% of donor GDP 2021',
    bands: [[0, 0.25, '#f2f0f7'], [0.25, 0.5, '#cbc9e2'], [0.5, 1, '#9e9ac8'], [1, null, '#6a51a3']],
    async load() {
      // the API's share: Kiel's own where imported, else the aid over the World Bank's GDP of 2021 (share_basis says which)
      const result = await api('/api/v1/aid?release=latest&category=total&measure=allocation&per=gdp');
      const rows = result.rows.filter((r) => r.donor_iso3 && r.basis === 'cumulative' && r.value !== null && r.value !== undefined)
        .map((r) => ({...r, iso3: r.donor_iso3, country: r.donor}));
      const release = rows[0] ? rows[0].release : 'no release';
      return {rows, title: `Aid allocated to Ukraine as % of donor GDP, ${release}`, source: sourceLine(result, release),
        columns: ['country', 'iso3', 'value', 'value_unit', 'share_basis', 'data_through', 'release', 'source_url'],
        missing: []};
    },
  },
};

const content = document.getElementById('content');
const state = readState({metric: 'spending', source: 'nato', year: '', view: 'europe', c: ''});

runPage(async () => {
  if (!METRICS[state.metric]) {
    state.metric = 'spending';
  }
  const [topology, codes] = await Promise.all([json('/map/countries-110m.json'), json('/map/iso-numeric.json')]);
  const regions = regionsOf(topology, codes);
  echarts.registerMap('world', {type: 'FeatureCollection', features: regions});
  const controls = el('section', {class: 'controls', 'aria-label': 'Filters'});
  content.append(controls);
  const card = chartCard(content, {id: 'map', title: METRICS[state.metric].label, units: METRICS[state.metric].units, height: 520,
    description: 'Colour bands as in the legend; grey: no figure in the store. Select a country to open its page.'});
  card.figure.dataset.regions = String(regions.length);
  card.chart.on('click', (p) => {
    if (/^[A-Z]{3}$/.test(p.name || '')) {
      location.href = `/country.html${query({c: p.name})}`;
    }
  });
  const redraw = async () => {
    saveState(state);
    const metric = METRICS[state.metric];
    const data = await metric.load(state);
    if (data.year) {
      state.year = String(data.year);
      saveState(state);
    }
    fillControls(controls, data, redraw);
    draw(card, metric, data, regions);
  };
  await redraw();
});

async function json(path) {
  const response = await fetch(path);
  if (!response.ok) {
    throw new Error(`${path}: HTTP ${response.status}`);
  }
  return response.json();
}

/** GeoJSON features named by ISO alpha-3 (properties.name), Antarctica left out; unmatched ones keep their label. */
function regionsOf(topology, codes) {
  return topojson.feature(topology, topology.objects.countries).features
    .map((f) => ({...f, geometry: onOneSide(f.geometry),
      properties: {label: f.properties.name, name: codes[f.id] || BY_NAME[f.properties.name] || `(${f.properties.name})`}}))
    .filter((f) => f.properties.name !== 'ATA');
}

/**
 * Rings that cross the antimeridian (Russia's Chukotka, Fiji) would be drawn as a band across the
 * whole map by a plain equirectangular projection: their points on the far side are moved onto the
 * 180° meridian of the side most of the ring lies on.
 */
function onOneSide(geometry) {
  const ring = (points) => {
    if (!points.some((p, i) => i > 0 && Math.abs(p[0] - points[i - 1][0]) > 180)) {
      return points;
    }
    const east = points.filter((p) => p[0] > 0).length >= points.length / 2;
    return points.map(([lon, lat]) => [east ? (lon < 0 ? 180 : lon) : (lon > 0 ? -180 : lon), lat]);
  };
  if (geometry.type === 'Polygon') {
    return {...geometry, coordinates: geometry.coordinates.map(ring)};
  }
  if (geometry.type === 'MultiPolygon') {
    return {...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map(ring))};
  }
  return geometry;
}

function fillControls(controls, data, redraw) {
  const change = (key) => (v) => {
    state[key] = v;
    redraw();
  };
  controls.replaceChildren(...[
    select('metric', 'Figure', Object.entries(METRICS).map(([k, m]) => [k, m.label]), state.metric, (v) => {
      state.year = '';
      change('metric')(v);
    }),
    data.years ? select('year', 'Year', data.years, state.year, change('year')) : null,
    select('view', 'Area', Object.entries(VIEWS).map(([k, v]) => [k, v.label]), state.view, change('view')),
  ].filter(Boolean));
}

function draw(card, metric, data, regions) {
  const drawn = new Set(regions.map((f) => f.properties.name));
  const band = (v) => metric.bands.find(([low, high]) => v >= low && (high === null || v < high));
  const view = VIEWS[state.view] || VIEWS.europe;
  card.setUnits(metric.units);
  card.figure.dataset.valued = String(data.rows.filter((r) => drawn.has(r.iso3)).length);
  const notDrawn = data.rows.filter((r) => !drawn.has(r.iso3)).map((r) => r.country);
  const notes = [notDrawn.length ? `too small to draw at 1:110m: ${notDrawn.join(', ')} (in the table)` : '',
    data.missing.length ? `no figure: ${data.missing.join(', ')}` : ''].filter(Boolean).join('; ');
  card.show({
    tooltip: {trigger: 'item', formatter: (p) => (p.data
      ? `${p.data.country}: ${number(p.data.value)} ${metric.units}` : `${labelOf(regions, p.name)}: no figure`)},
    visualMap: {type: 'piecewise', left: 4, top: 4, orient: 'vertical', itemSymbol: 'rect', backgroundColor: 'rgba(255,255,255,0.85)',
      padding: 6,
      pieces: metric.bands.map(([low, high, color]) => ({gte: low, lt: high === null ? undefined : high, color,
        label: high === null ? `${number(low)} or more` : `${number(low)} to under ${number(high)}`})),
      textStyle: {fontSize: 11}},
    geo: {map: 'world', roam: true, boundingCoords: view.corners || undefined, top: 70, bottom: 24, selectedMode: false,
      itemStyle: {areaColor: '#e0e0e0', borderColor: '#ffffff', borderWidth: 0.5},
      emphasis: {label: {show: false}, itemStyle: {areaColor: '#E69F00'}},
      regions: state.c ? [{name: state.c, itemStyle: {borderColor: '#000000', borderWidth: 2}}] : []},
    series: [{type: 'map', geoIndex: 0,
      data: data.rows.filter((r) => band(r.value)).map((r) => ({name: r.iso3, value: r.value, iso3: r.iso3, country: r.country}))}],
    graphic: [{type: 'text', right: 4, bottom: 4, z: 100, style: {text: BOUNDARIES, fill: '#4a4a4f', font: '10px system-ui',
      backgroundColor: 'rgba(255,255,255,0.85)', padding: [2, 4]}}],
  }, {columns: data.columns, rows: data.rows, table: data.columns.map((name) => name === 'iso3'
    ? {name, label: 'country page', format: (v) => el('a', {href: `/country.html${query({c: v})}`}, v)}
    : {name, label: name === 'value' ? `${metric.units}` : name.replace(/_/g, ' ')})},
  `${data.source}. ${BOUNDARIES}${notes ? `. ${notes}` : ''}`, data.title);
}

function labelOf(regions, name) {
  const region = regions.find((f) => f.properties.name === name);
  return region ? region.properties.label : name;
}
