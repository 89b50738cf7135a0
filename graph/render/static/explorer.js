/* kg-explorer pages: draws the actor network (index and ego networks) and filters tables.
 * Data comes from <script type="application/json"> blocks, never from inline code; everything
 * shown is put in with textContent (or vis-network's innerText tooltips), never as HTML. */
(function () {
  "use strict";

  function readJSON(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function short(text, n) {
    return text.length > n ? text.slice(0, n - 1) + "\u2026" : text;
  }

  function nodeItem(n, i, data) {
    var size = Math.min(10 + 4 * Math.sqrt(n.degree), 40) + (n.focus ? 8 : 0);
    var lines = [n.label, n.type + (n.camp ? " \u00b7 camp " + n.camp : " \u00b7 no camp")];
    if (n.affLabel) lines.push("Affiliation: " + n.affLabel);
    lines.push(n.degree + " interaction" + (n.degree === 1 ? "" : "s"), "Click to open its page");
    return {
      id: i, label: n.label, x: n.x, y: n.y, shape: data.shapes[n.type] || "dot", size: size,
      color: { background: n.color, border: n.focus ? "#000000" : "#555555",
               highlight: { background: n.color, border: "#000000" } },
      borderWidth: n.focus ? 3 : 1, title: lines.join("\n"), font: { size: 12 }
    };
  }

  function initGraph() {
    var data = readJSON("graph-data");
    var container = document.getElementById("network");
    if (!data || !container || !window.vis) return;
    var state = { modality: "", type: "", doc: "", from: "", to: "", lift: false };
    var nodes = new vis.DataSet(data.nodes.map(function (n, i) { return nodeItem(n, i, data); }));
    var edges = new vis.DataSet([]);

    function lifted(i) {
      // a person stands for its affiliation (up to a few levels, never in a cycle)
      for (var k = 0; k < 4 && data.nodes[i].type === "Person" && data.nodes[i].aff >= 0; k++) {
        i = data.nodes[i].aff;
      }
      return i;
    }

    function keep(r) {
      if (state.modality !== "" && r[3] !== +state.modality) return false;
      if (state.type !== "" && r[4] !== +state.type) return false;
      if (state.doc !== "" && r[5] !== +state.doc) return false;
      if (state.from && (!r[6] || r[6] < state.from)) return false;
      if (state.to && (!r[6] || r[6].slice(0, state.to.length) > state.to)) return false;
      return true;
    }

    function edgeTitle(e) {
      var sents = [], seen = {}, mods = {}, types = {};
      e.rows.forEach(function (r) {
        if (!(r[7] in seen)) { seen[r[7]] = true; sents.push(r[7]); }
        var m = data.modalities[r[3]];
        mods[m] = (mods[m] || 0) + 1;
        types[data.types[r[4]][1]] = true;
      });
      var lines = [data.nodes[e.from].label + " \u2192 " + data.nodes[e.to].label + " \u00b7 " +
                   (e.pol > 0 ? "cooperative (+)" : "hostile (\u2212)"),
                   e.rows.length + " interaction" + (e.rows.length === 1 ? "" : "s") + " in " +
                   sents.length + " sentence" + (sents.length === 1 ? "" : "s") + ": " +
                   Object.keys(mods).sort().map(function (m) { return m + " " + mods[m]; }).join(", "),
                   "Types: " + Object.keys(types).sort().join(", "), ""];
      sents.slice(0, 3).forEach(function (s) {
        var row = data.sentences[s], doc = data.documents[row[1]];
        lines.push("\u201c" + short(row[0], 220) + "\u201d", "  \u2014 " + (doc ? short(doc.name, 80) : ""));
      });
      if (sents.length > 3) lines.push("\u2026 and " + (sents.length - 3) + " more sentences");
      return lines.join("\n");
    }

    function aggregate() {
      var map = new Map();
      var shown = 0;
      data.interactions.forEach(function (r) {
        if (!keep(r)) return;
        var s = r[0], t = r[1];
        if (state.lift) { s = lifted(s); t = lifted(t); if (s === t) return; }
        var key = s + ">" + t + ":" + r[2];
        var e = map.get(key);
        if (!e) { e = { from: s, to: t, pol: r[2], rows: [] }; map.set(key, e); }
        e.rows.push(r);
        shown++;
      });
      var items = [];
      map.forEach(function (e, key) {
        var sents = {};
        e.rows.forEach(function (r) { sents[r[7]] = true; });
        var n = Object.keys(sents).length;
        var colour = data.polarityColours[String(e.pol)] || "#777777";
        items.push({ id: key, from: e.from, to: e.to, arrows: "to", width: Math.min(1 + n, 9),
                     dashes: !e.rows.some(function (r) { return r[3] === 0; }),
                     color: { color: colour, highlight: colour, hover: colour, opacity: 0.8 },
                     title: edgeTitle(e) });
      });
      edges.clear();
      edges.add(items);
      var status = document.getElementById("graph-status");
      if (status) {
        status.textContent = shown + " interaction" + (shown === 1 ? "" : "s") + " as " +
          items.length + " edge" + (items.length === 1 ? "" : "s") + " shown";
      }
    }

    function applyLift() {
      nodes.update(data.nodes.map(function (n, i) {
        return { id: i, hidden: state.lift && lifted(i) !== i };
      }));
    }

    aggregate();
    var options = {
      physics: { enabled: false },  // positions are computed in Python (see graph/render/layout.py)
      layout: { improvedLayout: false },
      interaction: { hover: true, tooltipDelay: 120, hideEdgesOnDrag: data.nodes.length > 300,
                     navigationButtons: false, keyboard: false },
      edges: { smooth: data.smooth ? { type: "curvedCW", roundness: 0.15 } : false,
               arrows: { to: { scaleFactor: 0.5 } } },
      nodes: { font: { face: "sans-serif" } }
    };
    var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
    network.once("afterDrawing", function () {
      window.kgFirstDraw = performance.now();
      container.setAttribute("data-drawn", "true");
    });
    network.on("click", function (p) {
      if (p.nodes.length) window.location.href = data.base + data.nodes[p.nodes[0]].page;
    });

    function bind(id, key, event) {
      var el = document.getElementById(id);
      if (!el) return;
      el.addEventListener(event || "change", function () {
        state[key] = el.type === "checkbox" ? el.checked : el.value.trim();
        if (key === "lift") applyLift();
        aggregate();
      });
    }
    bind("filter-modality", "modality");
    bind("filter-type", "type");
    bind("filter-doc", "doc");
    bind("filter-from", "from", "input");
    bind("filter-to", "to", "input");
    bind("lift-persons", "lift");

    function search(text) {
      var q = text.trim().toLowerCase();
      var hits = [];
      if (q) {
        data.nodes.forEach(function (n, i) {
          if (n.label.toLowerCase().indexOf(q) >= 0 || n.key.toLowerCase().indexOf(q) >= 0) hits.push(i);
        });
        hits.sort(function (a, b) {
          var pa = data.nodes[a].label.toLowerCase().indexOf(q), pb = data.nodes[b].label.toLowerCase().indexOf(q);
          return (pa < 0 ? 99 : pa) - (pb < 0 ? 99 : pb) || data.nodes[b].degree - data.nodes[a].degree;
        });
      }
      var list = document.getElementById("search-results");
      if (list) {
        list.textContent = "";
        hits.slice(0, 12).forEach(function (i) {
          var li = document.createElement("li"), a = document.createElement("a");
          a.href = data.base + data.nodes[i].page;
          a.textContent = data.nodes[i].label;
          li.appendChild(a);
          list.appendChild(li);
        });
        if (q && !hits.length) {
          var none = document.createElement("li");
          none.textContent = "no actor matches";
          list.appendChild(none);
        }
      }
      if (hits.length) {
        network.selectNodes([hits[0]]);
        network.focus(hits[0], { scale: 1.2, animation: false });
      } else {
        network.unselectAll();
      }
      return hits.map(function (i) { return data.nodes[i].label; });
    }
    var box = document.getElementById("actor-search");
    if (box) {
      box.addEventListener("input", function () { search(box.value); });
      box.addEventListener("keydown", function (ev) { if (ev.key === "Enter") search(box.value); });
    }
    window.kgExplorer = { network: network, nodes: nodes, edges: edges, data: data, search: search };
  }

  function initTableFilters() {
    var controls = document.querySelectorAll("[data-filter-for]");
    function apply(tableId) {
      var mine = document.querySelectorAll('[data-filter-for="' + tableId + '"]');
      var rows = document.querySelectorAll("#" + tableId + " tbody tr");
      var shown = 0;
      rows.forEach(function (row) {
        var ok = true;
        mine.forEach(function (c) {
          var v = c.value.trim().toLowerCase();
          if (!v) return;
          if (c.getAttribute("data-match") === "tag") {
            ok = ok && (" " + (row.getAttribute("data-tags") || "") + " ").indexOf(" " + v + " ") >= 0;
          } else {
            ok = ok && row.textContent.toLowerCase().indexOf(v) >= 0;
          }
        });
        row.hidden = !ok;
        if (ok) shown++;
      });
      var count = document.querySelector('[data-count-for="' + tableId + '"]');
      if (count) count.textContent = shown + " of " + rows.length + " shown";
    }
    controls.forEach(function (c) {
      c.addEventListener("input", function () { apply(c.getAttribute("data-filter-for")); });
      c.addEventListener("change", function () { apply(c.getAttribute("data-filter-for")); });
    });
  }

  initGraph();
  initTableFilters();
})();
