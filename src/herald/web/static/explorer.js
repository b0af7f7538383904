// Herald explorer: small, dependency-free client code. Every string from the store is untrusted: it is only
// ever put in the page with textContent / setAttribute on known attributes, never as HTML.
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const QUAD_NAMES = { 0: "unknown", 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
  const QUAD_COLORS = { 0: "#999999", 1: "#4c9be8", 2: "#1f5fa8", 3: "#f0a04b", 4: "#c8372d" };
  const PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd"];

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then((r) => {
      if (!r.ok) return r.json().then((b) => { throw new Error((b.error && b.error.message) || r.statusText); });
      return r.json();
    });
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function link(href, text, cls) { const a = el("a", { href: href }, text); if (cls) a.className = cls; return a; }
  function seg(value) { return encodeURIComponent(String(value)); }
  function query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of params) if (v !== null && v !== undefined && v !== "") q.append(k, String(v));
    return q.toString();
  }
  function row(dl, label, value) {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) return;
    dl.appendChild(el("dt", {}, label));
    const dd = el("dd", {});
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = Array.isArray(value) ? value.join("; ") : String(value);
    dl.appendChild(dd);
  }

  // ---------------------------------------------------------------- article: spans -> panel
  function initArticle() {
    const root = document.getElementById("article");
    if (!root) return;
    const key = root.dataset.key;
    let data = null;
    const records = {};
    const load = () => data ? Promise.resolve(data) : getJSON("/api/v1/articles/" + seg(key)).then((d) => {
      data = d;
      for (const kind of ["events", "actors", "statements", "figures", "times", "places"]) {
        for (const r of d[kind]) records[r.id] = { kind: kind.replace(/s$/, ""), r: r };
      }
      return d;
    });
    const body = document.getElementById("panel-body");
    const hint = document.getElementById("panel-hint");

    function actorNames(ids) { return (ids || []).map((i) => (records[i] ? records[i].r.name : i)); }
    function card(ref) {
      const rec = records[ref];
      const box = el("div", { class: "record k-" + (rec ? rec.kind : "unknown") });
      if (!rec) { box.textContent = ref; return box; }
      const r = rec.r;
      const dl = el("dl", {});
      if (rec.kind === "event") {
        box.appendChild(el("h3", {}, "Event " + r.type + (r.mode ? " / " + r.mode : "")));
        row(dl, "quad class", r.quad ? r.quad + " " + QUAD_NAMES[r.quad] : "");
        row(dl, "CAMEO", r.cameo);
        row(dl, "rule", r.rule);
        row(dl, "confidence", r.confidence !== null ? Number(r.confidence).toFixed(2) : "");
        row(dl, "trigger", r.trigger);
        row(dl, "actors", actorNames(r.actor_ids));
        row(dl, "recipients", actorNames(r.recipient_ids));
        row(dl, "date", r.date ? r.date + " (from " + (r.date_from || "?") + ")" : "");
        row(dl, "place", r.place);
        row(dl, "flags", ["historical", "negated", "future", "hypothetical"].filter((f) => r[f]));
        row(dl, "contexts", r.contexts);
        row(dl, "reported by", r.reported_by && records[r.reported_by] ? records[r.reported_by].r.speaker_text : r.reported_by);
        row(dl, "evidence", r.evidence);
      } else if (rec.kind === "actor") {
        box.appendChild(el("h3", {}, "Actor " + r.name));
        row(dl, "kind", r.kind);
        row(dl, "country / sector", (r.country || "?") + " / " + (r.sector || "?"));
        row(dl, "Wikidata", r.wikidata);
        row(dl, "title", r.title);
        row(dl, "rule", r.rule);
        row(dl, "page", link("/actors/" + seg(r.key), "actor page and network"));
      } else if (rec.kind === "statement") {
        box.appendChild(el("h3", {}, "Statement (" + (r.kind || "") + ")"));
        row(dl, "speaker", r.speaker ? actorNames([r.speaker])[0] : r.speaker_text);
        row(dl, "cue", r.cue + (r.cue_class ? " (" + r.cue_class + ")" : "") + (r.negated ? ", negated" : ""));
        row(dl, "content", r.content);
      } else if (rec.kind === "figure") {
        box.appendChild(el("h3", {}, "Figure " + (r.counts || "")));
        const range = r.low !== null && r.high !== null && r.low !== r.high ? r.low + "–" + r.high : r.value;
        row(dl, "value", [r.qualifier, range, r.unit].filter((x) => x !== null && x !== "").join(" "));
        row(dl, "according to", r.source ? actorNames([r.source])[0] : r.source_text);
        row(dl, "hedges", r.hedges);
        row(dl, "vague", r.vague ? "yes" : "");
        row(dl, "event", r.event && records[r.event] ? records[r.event].r.type : r.event);
        row(dl, "evidence", r.evidence);
      } else if (rec.kind === "time") {
        box.appendChild(el("h3", {}, "Time " + r.text));
        row(dl, "value", r.value);
        row(dl, "type", r.type);
        row(dl, "granularity", r.granularity);
        row(dl, "anchor", r.anchor);
        row(dl, "rule", r.rule);
      } else if (rec.kind === "place") {
        box.appendChild(el("h3", {}, "Place " + r.text));
        row(dl, "resolved to", [r.name, r.admin1, r.country].filter(Boolean).join(", "));
        row(dl, "GeoNames", r.geonameid);
        row(dl, "lat / lon", r.lat !== null ? r.lat + ", " + r.lon : "");
        row(dl, "feature", r.feature);
        row(dl, "resolution", r.resolution);
        row(dl, "rule", r.source);
      }
      row(dl, "id", r.id);
      box.appendChild(dl);
      return box;
    }
    function show(refs, span) {
      load().then(() => {
        clear(body);
        hint.hidden = true;
        for (const ref of refs) body.appendChild(card(ref));
        document.querySelectorAll(".seg.selected").forEach((s) => s.classList.remove("selected"));
        if (span) span.classList.add("selected");
      }).catch((e) => { clear(body); body.appendChild(el("p", { class: "error-message" }, e.message)); });
    }
    document.getElementById("text").addEventListener("click", (ev) => {
      const span = ev.target.closest(".seg");
      if (span && span.dataset.refs) show(span.dataset.refs.split(" "), span);
    });
    document.getElementById("text").addEventListener("keydown", (ev) => {
      const span = ev.target.closest(".seg");
      if (span && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); show(span.dataset.refs.split(" "), span); }
    });
    document.querySelectorAll(".show-ref").forEach((b) => b.addEventListener("click", () => {
      const span = document.querySelector('.seg[data-refs~="' + CSS.escape(b.dataset.ref) + '"]');
      show([b.dataset.ref], span);
      if (span) span.scrollIntoView({ block: "center" });
    }));
    const button = document.getElementById("explain-button");
    const out = document.getElementById("explain");
    button.addEventListener("click", () => {
      button.disabled = true;
      clear(out);
      out.appendChild(el("p", { class: "muted" }, "Running the pipeline on this article…"));
      getJSON("/api/v1/articles/" + seg(key) + "/explain").then((d) => {
        clear(out);
        if (!d.same_as_stored) out.appendChild(el("p", { class: "notice" }, "Herald's rules changed since this article was stored: the explanation below is today's."));
        if (!d.events.length) out.appendChild(el("p", {}, "No event coded."));
        for (const x of d.events) {
          const box = el("div", { class: "record k-event explain-item" });
          box.appendChild(el("h3", {}, x.event + " " + x.type + (x.mode ? " / " + x.mode : "")));
          const dl = el("dl", {});
          row(dl, "definition", x.definition);
          row(dl, "rule", x.rule + " (lexicon entry " + x.lexicon_entry + ", " + x.kind + ")");
          row(dl, "trigger", x.trigger);
          row(dl, "sentence", x.sentence);
          row(dl, "actors", x.actors.map((a) => a.name + " (" + a.how + ")"));
          row(dl, "recipients", x.recipients.map((a) => a.name + " (" + a.how + ")"));
          row(dl, "date", (x.date || "-") + " (from " + x.date_from + ": " + x.date_how + ")");
          row(dl, "place", (x.place || "-") + " (" + x.place_how + ")");
          row(dl, "cues", Object.entries(x.cues).map(([k, v]) => k + ": " + v));
          row(dl, "notes", x.notes);
          row(dl, "confidence", Number(x.confidence).toFixed(2) + " = " + x.confidence_parts.map((p) => p.part + " " + (p.weight >= 0 ? "+" : "") + p.weight.toFixed(2)).join(" "));
          box.appendChild(dl);
          out.appendChild(box);
        }
      }).catch((e) => { clear(out); out.appendChild(el("p", { class: "error-message" }, e.message)); })
        .finally(() => { button.disabled = false; });
    });
  }

  // ---------------------------------------------------------------- events: timeline
  function initTimeline() {
    const box = document.getElementById("timeline");
    if (!box) return;
    let data = null;
    let mode = "quad";
    function draw() {
      clear(box);
      const legend = document.getElementById("timeline-legend");
      clear(legend);
      // A real time axis: every day between the first and last full date (months past ~400 days);
      // week- or month-precision dates cannot be placed on a day and are counted apart.
      const full = data.days.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
      const series0 = mode === "quad" ? data.by_quad : data.by_type;
      const names = Object.keys(series0).sort();
      let vague = 0;
      for (const n of names) for (const [d, v] of Object.entries(series0[n])) if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) vague += v;
      if (!full.length) { box.appendChild(el("p", { class: "muted" }, "No event with a full date under these filters.")); return; }
      const t0 = Date.parse(full[0] + "T00:00:00Z"), t1 = Date.parse(full[full.length - 1] + "T00:00:00Z");
      const monthly = (t1 - t0) / 86400000 > 400;
      const bin = (d) => (monthly ? d.slice(0, 7) : d);
      const days = [];
      for (let t = t0; t <= t1; t += 86400000) {
        const b = bin(new Date(t).toISOString().slice(0, 10));
        if (days[days.length - 1] !== b) days.push(b);
      }
      const series = {};
      for (const n of names) {
        series[n] = {};
        for (const [d, v] of Object.entries(series0[n])) if (/^\d{4}-\d{2}-\d{2}$/.test(d)) series[n][bin(d)] = (series[n][bin(d)] || 0) + v;
      }
      const color = (name, i) => (mode === "quad" ? QUAD_COLORS[name] || "#999" : PALETTE[i % PALETTE.length]);
      const totals = days.map((d) => names.reduce((s, n) => s + (series[n][d] || 0), 0));
      const max = Math.max(1, ...totals);
      const W = Math.max(600, box.clientWidth || 900), H = 180, pad = 30;
      const bw = Math.max(2, Math.min(40, (W - pad * 2) / days.length - 2));
      const s = svg("svg", { viewBox: "0 0 " + W + " " + (H + 60), class: "chart", role: "img", "aria-label": "events per day" });
      s.appendChild(svg("line", { x1: pad, y1: H, x2: W - pad, y2: H, class: "axis" }));
      s.appendChild(svg("text", { x: 2, y: 12, class: "axis-label" }, String(max)));
      days.forEach((day, i) => {
        const x = pad + i * ((W - pad * 2) / days.length);
        let y = H;
        names.forEach((n, j) => {
          const v = series[n][day] || 0;
          if (!v) return;
          const h = (v / max) * (H - 20);
          y -= h;
          const r = svg("rect", { x: x, y: y, width: bw, height: h, fill: color(n, j), class: "bar", "data-day": day, "data-series": n });
          r.appendChild(svg("title", {}, day + " · " + (mode === "quad" ? QUAD_NAMES[n] : n) + ": " + v));
          r.addEventListener("click", () => {
            const form = document.getElementById("event-filters");
            const params = new URLSearchParams(new FormData(form));
            params.set("since", day); params.set("until", day);
            if (mode === "quad") { params.delete("quad"); params.append("quad", n); } else { params.delete("type"); params.append("type", n); }
            for (const [k, v2] of [...params.entries()]) if (!v2) params.delete(k);
            window.location.search = params.toString();
          });
          s.appendChild(r);
        });
        if (i % Math.ceil(days.length / 14) === 0) {
          s.appendChild(svg("text", { x: x, y: H + 14, class: "axis-label", transform: "rotate(30 " + x + " " + (H + 14) + ")" }, day));
        }
      });
      box.appendChild(s);
      if (vague) box.appendChild(el("p", { class: "muted" }, vague + " event(s) dated only to a week or month are not drawn."));
      names.forEach((n, j) => {
        const t = el("span", { class: "key" }, mode === "quad" ? QUAD_NAMES[n] : n);
        const sw = el("span", { class: "swatch" });
        sw.style.background = color(n, j);
        t.prepend(sw);
        legend.appendChild(t);
      });
    }
    document.querySelectorAll(".tl-mode").forEach((b) => b.addEventListener("click", () => {
      mode = b.dataset.mode;
      document.querySelectorAll(".tl-mode").forEach((x) => x.classList.toggle("on", x === b));
      if (data) draw();
    }));
    getJSON(box.dataset.src).then((d) => { data = d; draw(); })
      .catch((e) => box.appendChild(el("p", { class: "error-message" }, e.message)));
  }

  // ---------------------------------------------------------------- actor network
  function initNetwork() {
    const box = document.getElementById("network");
    if (!box) return;
    getJSON(box.dataset.src).then((net) => {
      clear(box);
      if (!net.nodes.length) { box.appendChild(el("p", { class: "muted" }, "No event with both an actor and a recipient.")); return; }
      const W = 900, H = 460;
      const nodes = net.nodes.map((n, i) => ({ ...n, x: W / 2 + 200 * Math.cos(i * 2.4), y: H / 2 + 150 * Math.sin(i * 2.4), vx: 0, vy: 0 }));
      const byId = Object.fromEntries(nodes.map((n) => [n.id, n]));
      const focus = box.dataset.focus;
      if (focus && byId[focus]) { byId[focus].x = W / 2; byId[focus].y = H / 2; }
      const links = net.edges.filter((e) => byId[e.source] && byId[e.target]);
      // a few hundred steps of a plain force layout: repulsion, springs on edges, pull to the centre
      for (let step = 0; step < 300; step++) {
        const cool = 1 - step / 300;
        for (let i = 0; i < nodes.length; i++) {
          for (let j = i + 1; j < nodes.length; j++) {
            const a = nodes[i], b = nodes[j];
            let dx = a.x - b.x, dy = a.y - b.y;
            const d2 = Math.max(dx * dx + dy * dy, 25);
            const f = 2500 / d2;
            dx *= f / Math.sqrt(d2); dy *= f / Math.sqrt(d2);
            a.vx += dx; a.vy += dy; b.vx -= dx; b.vy -= dy;
          }
        }
        for (const l of links) {
          const a = byId[l.source], b = byId[l.target];
          if (a === b) continue;
          const dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
          const f = (d - 110) * 0.02;
          a.vx += (dx / d) * f; a.vy += (dy / d) * f; b.vx -= (dx / d) * f; b.vy -= (dy / d) * f;
        }
        for (const n of nodes) {
          n.vx += (W / 2 - n.x) * 0.005; n.vy += (H / 2 - n.y) * 0.005;
          if (focus && n.id === focus) { n.vx = 0; n.vy = 0; }
          n.x = Math.min(W - 40, Math.max(40, n.x + n.vx * cool)); n.y = Math.min(H - 20, Math.max(20, n.y + n.vy * cool));
          n.vx *= 0.5; n.vy *= 0.5;
        }
      }
      const s = svg("svg", { viewBox: "0 0 " + W + " " + H, class: "chart network-svg", role: "img", "aria-label": "actor network" });
      const defs = svg("defs", {});
      for (const q of [0, 1, 2, 3, 4]) {
        const m = svg("marker", { id: "arrow" + q, viewBox: "0 0 10 10", refX: 18, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" });
        m.appendChild(svg("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: QUAD_COLORS[q] }));
        defs.appendChild(m);
      }
      s.appendChild(defs);
      const pairIndex = {};
      for (const l of links) {
        const a = byId[l.source], b = byId[l.target];
        const pair = l.source + "\u0000" + l.target;
        const k = (pairIndex[pair] = (pairIndex[pair] || 0) + 1) - 1;
        const mx = (a.x + b.x) / 2 - (b.y - a.y) * 0.12 * (k + 1), my = (a.y + b.y) / 2 + (b.x - a.x) * 0.12 * (k + 1);
        const q = l.quad || 0;
        const p = svg("path", {
          d: "M " + a.x + " " + a.y + " Q " + mx + " " + my + " " + b.x + " " + b.y,
          stroke: QUAD_COLORS[q], "stroke-width": Math.min(8, 1.5 + l.events), fill: "none", class: "edge", "marker-end": "url(#arrow" + q + ")",
        });
        p.appendChild(svg("title", {}, a.name + " → " + b.name + ": " + l.type + " (" + l.events + ")"));
        p.addEventListener("click", () => {
          window.location.href = "/events?" + query([["actor", l.source], ["recipient", l.target], ["type", l.type], ["historical", "true"]]);
        });
        s.appendChild(p);
      }
      for (const n of nodes) {
        const g = svg("g", { class: "node" + (n.id === focus ? " focus" : ""), "data-key": n.id, tabindex: 0 });
        g.appendChild(svg("circle", { cx: n.x, cy: n.y, r: Math.min(16, 5 + Math.sqrt(n.events) * 2) }));
        g.appendChild(svg("text", { x: n.x + 10, y: n.y - 10 }, n.name));
        g.appendChild(svg("title", {}, n.name + " (" + n.events + " events)"));
        const go = () => { window.location.href = "/actors/" + seg(n.id); };
        g.addEventListener("click", go);
        g.addEventListener("keydown", (ev) => { if (ev.key === "Enter") go(); });
        s.appendChild(g);
      }
      box.appendChild(s);
    }).catch((e) => box.appendChild(el("p", { class: "error-message" }, e.message)));
  }

  // ---------------------------------------------------------------- map
  function topoFeatures(topo, name) {
    const t = topo.transform;
    const arcs = topo.arcs.map((arc) => {
      let x = 0, y = 0;
      return arc.map((p) => { x += p[0]; y += p[1]; return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]]; });
    });
    const ring = (ids) => {
      const pts = [];
      for (const id of ids) {
        const a = id < 0 ? arcs[~id].slice().reverse() : arcs[id];
        pts.push(...(pts.length ? a.slice(1) : a));
      }
      return pts;
    };
    return topo.objects[name].geometries.map((g) => {
      const polys = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
      return { name: (g.properties && g.properties.name) || "", polygons: polys.map((p) => p.map(ring)) };
    });
  }
  function initMap() {
    const box = document.getElementById("map");
    if (!box) return;
    Promise.all([getJSON("/static/world/countries-110m.json"), getJSON(box.dataset.src)]).then(([topo, places]) => {
      clear(box);
      const pts = places.items;
      let [w, s0, e, n] = [-180, -60, 180, 85];
      if (pts.length) {
        w = Math.min(...pts.map((p) => p.lon)) - 8; e = Math.max(...pts.map((p) => p.lon)) + 8;
        s0 = Math.min(...pts.map((p) => p.lat)) - 6; n = Math.max(...pts.map((p) => p.lat)) + 6;
        if (e - w < 30) { const c = (e + w) / 2; w = c - 15; e = c + 15; }
        if (n - s0 < 20) { const c = (n + s0) / 2; s0 = c - 10; n = c + 10; }
      }
      // same scale on both axes: widen the shorter side of the box to the drawing's shape
      const W = 960, H = 540;
      if ((e - w) / (n - s0) < W / H) { const c = (e + w) / 2, half = ((n - s0) * W) / H / 2; w = c - half; e = c + half; }
      else { const c = (n + s0) / 2, half = ((e - w) * H) / W / 2; s0 = c - half; n = c + half; }
      const X = (lon) => ((lon - w) / (e - w)) * W, Y = (lat) => ((n - lat) / (n - s0)) * H;
      const sv = svg("svg", { viewBox: "0 0 " + W + " " + H, class: "chart map-svg", role: "img", "aria-label": "map of events", preserveAspectRatio: "xMidYMid slice" });
      sv.appendChild(svg("rect", { x: 0, y: 0, width: W, height: H, class: "sea" }));
      for (const f of topoFeatures(topo, "countries")) {
        let d = "";
        for (const poly of f.polygons) for (const r of poly) {
          d += r.map((p, i) => (i ? "L" : "M") + X(p[0]).toFixed(1) + " " + Y(p[1]).toFixed(1)).join(" ") + " Z ";
        }
        const path = svg("path", { d: d, class: "country" });
        path.appendChild(svg("title", {}, f.name));
        sv.appendChild(path);
      }
      const max = Math.max(1, ...pts.map((p) => p.events));
      const info = document.getElementById("map-info");
      for (const p of pts.slice().sort((a, b) => b.events - a.events)) {
        const conflict = p.conflict > p.cooperation;
        const c = svg("circle", { cx: X(p.lon), cy: Y(p.lat), r: 4 + 18 * Math.sqrt(p.events / max), class: "point " + (conflict ? "q4" : "q1"), tabindex: 0 });
        c.appendChild(svg("title", {}, p.name + ": " + p.events + " events"));
        c.addEventListener("click", () => {
          clear(info);
          info.appendChild(el("h2", {}, p.name + (p.country ? " (" + p.country + ")" : "")));
          info.appendChild(el("p", {}, p.events + " events: " + p.cooperation + " cooperation, " + p.conflict + " conflict; types " + (p.types || "")));
          const params = new URLSearchParams(new URL(box.dataset.events, window.location.origin).search);
          params.set("bbox", [p.lon - 0.01, p.lat - 0.01, p.lon + 0.01, p.lat + 0.01].map((v) => v.toFixed(3)).join(","));
          info.appendChild(link("/events?" + params.toString(), "Show these events", "map-events"));
        });
        sv.appendChild(c);
      }
      box.appendChild(sv);
      if (!pts.length) box.appendChild(el("p", { class: "muted" }, "No geocoded event under these filters."));
    }).catch((e) => box.appendChild(el("p", { class: "error-message" }, e.message)));
  }

  // ---------------------------------------------------------------- ledger step charts
  function initLedger() {
    document.querySelectorAll(".stepchart").forEach((box) => {
      getJSON(box.dataset.src).then((d) => {
        const item = d.items && d.items[0];
        if (!item) return;
        drawSteps(box, item);
      }).catch((e) => box.appendChild(el("p", { class: "error-message" }, e.message)));
    });
  }
  function drawSteps(box, item) {
    const series = item.series || [];
    const all = series.flatMap((s) => s.points);
    if (!all.length) return;
    const times = all.map((p) => Date.parse(p.date)).filter((t) => !isNaN(t));
    const t0 = Math.min(...times), t1 = Math.max(...times, t0 + 86400000);
    const vmax = Math.max(1, ...all.map((p) => p.value || 0));
    const W = 800, H = 220, pad = 40;
    const X = (t) => pad + ((t - t0) / (t1 - t0)) * (W - pad * 2), Y = (v) => H - pad + 10 - (v / vmax) * (H - pad * 1.5);
    const sv = svg("svg", { viewBox: "0 0 " + W + " " + H, class: "chart", role: "img", "aria-label": "claims over time" });
    sv.appendChild(svg("line", { x1: pad, y1: Y(0), x2: W - pad, y2: Y(0), class: "axis" }));
    for (const v of [0, vmax / 2, vmax]) {
      sv.appendChild(svg("line", { x1: pad - 4, y1: Y(v), x2: W - pad, y2: Y(v), class: "grid-line" }));
      sv.appendChild(svg("text", { x: 2, y: Y(v) + 4, class: "axis-label" }, String(Math.round(v * 10) / 10)));
    }
    sv.appendChild(svg("text", { x: pad, y: H - 4, class: "axis-label" }, new Date(t0).toISOString().slice(0, 10)));
    sv.appendChild(svg("text", { x: W - pad - 60, y: H - 4, class: "axis-label" }, new Date(t1).toISOString().slice(0, 10)));
    const legend = el("div", { class: "legend" });
    series.forEach((s, i) => {
      const pts = s.points.filter((p) => !isNaN(Date.parse(p.date))).sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
      if (!pts.length) return;
      let d = "";
      pts.forEach((p, j) => {
        const x = X(Date.parse(p.date)), y = Y(p.value || 0);
        d += j ? " H " + x.toFixed(1) + " V " + y.toFixed(1) : "M " + x.toFixed(1) + " " + y.toFixed(1);
      });
      d += " H " + (W - pad);
      const color = PALETTE[i % PALETTE.length];
      sv.appendChild(svg("path", { d: d, stroke: color, fill: "none", "stroke-width": 2, class: "step" }));
      for (const p of pts) {
        const c = svg("circle", { cx: X(Date.parse(p.date)), cy: Y(p.value || 0), r: 4, fill: color });
        c.appendChild(svg("title", {}, s.name + ": " + (p.label || p.value) + " (" + p.date + ")"));
        sv.appendChild(c);
      }
      const k = el("span", { class: "key" }, s.name);
      const sw = el("span", { class: "swatch" });
      sw.style.background = color;
      k.prepend(sw);
      legend.appendChild(k);
    });
    box.appendChild(sv);
    box.appendChild(legend);
  }

  // Filter forms: leave empty fields out of the URL, so shared links carry only the filters in use.
  function initForms() {
    document.querySelectorAll("form.filters").forEach((form) => form.addEventListener("submit", () => {
      form.querySelectorAll("input, select").forEach((f) => { if (!f.value) f.disabled = true; });
      setTimeout(() => form.querySelectorAll("input, select").forEach((f) => { f.disabled = false; }), 0);
    }));
  }

  document.addEventListener("DOMContentLoaded", () => {
    initForms();
    initArticle();
    initTimeline();
    initNetwork();
    initMap();
    initLedger();
  });
})();
