"""One self-contained HTML dashboard, built only from the analyst views.

`write_dashboard(engine, path)` reads a fixed set of columns from the views (never a base
table, so the page shows exactly what Metabase or an analyst would see), embeds them as JSON
next to the plotly.js bundled with the `plotly` package, and lets the reader filter by date
range, company, channel and objective in the browser. No network access is needed to open it.
"""

from __future__ import annotations

import json
import math
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from plotly.offline import get_plotlyjs
from sqlalchemy import Engine, text

# Dashboard data set -> query. Each query reads one view (tests check that no base table is read).
DASHBOARD_QUERIES: dict[str, str] = {
    "engagement": """
        select company, channel, objective, week_start, posts, rated_posts,
               engagement_rate_by_followers, interactions
        from engagement_weekly""",
    "benchmark": """
        select channel, objective, week_start, metric, focus_company, focus_value,
               competitor_avg, landscape_avg
        from competitor_benchmark""",
    "share_of_voice": """
        select company, is_focus, channel, objective, week_start, mentions, earned_mentions,
               interactions
        from share_of_voice""",
    "objective_mix": """
        select company, channel, week_start, objective, posts
        from objective_mix""",
    "top_posts": """
        select month_start, channel, objective, company, is_focus, post_id, created_at, title,
               text, url, interactions, engagement_rate_by_followers, landscape_rank
        from top_posts""",
    "best_time": """
        select company, channel, objective, clock, time_zone, weekday, hour, posts, rated_posts,
               engagement_rate_by_followers
        from best_time_to_post""",
    "sentiment": """
        select company, channel, voice, week_start, earned_posts, scored_posts, avg_sentiment_score,
               net_sentiment
        from earned_sentiment""",
    "consistency": """
        select company, is_focus, channel, period_kind, period_start, period_end,
               marketing_posts, recruiting_posts, similarity, baseline_similarity,
               consistency_index, reading, top_shared_terms, top_marketing_terms,
               top_recruiting_terms
        from message_consistency""",
}


def _json_value(value: object) -> object:
    """A JSON-safe value: dates as ISO strings, Decimal as float, NaN as null."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat() if value.tzinfo else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def load_dashboard_data(engine: Engine) -> dict[str, list[dict]]:
    """Every data set of the page, as lists of JSON-ready row dicts."""
    data: dict[str, list[dict]] = {}
    with engine.connect() as conn:
        for name, sql in DASHBOARD_QUERIES.items():
            result = conn.execute(text(sql))
            data[name] = [
                {key: _json_value(value) for key, value in row.items()} for row in result.mappings()
            ]
    return data


def render_dashboard(data: dict[str, list[dict]], generated_at: datetime | None = None) -> str:
    """The complete HTML page for `data` (plotly.js and the data inlined)."""
    stamp = (generated_at or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")
    # "</" inside a <script> would end it early; "<\/" is the same string to JSON.
    payload = json.dumps(data, separators=(",", ":")).replace("</", "<\\/")
    return (
        _PAGE.replace("__GENERATED_AT__", stamp)
        .replace("__PLOTLY_JS__", get_plotlyjs())
        .replace("__DATA__", payload)
    )


def write_dashboard(engine: Engine, path: str | Path) -> Path:
    """Query the views and write the dashboard page to `path`; return the path written."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_dashboard(load_dashboard_data(engine)), encoding="utf-8")
    return target


_PAGE = r"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Crosstalk: marketing and recruiting on social channels</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; color: #1f2933; background: #f5f7fa; }
  header { background: #1f2933; color: #fff; padding: 12px 24px; }
  header h1 { font-size: 20px; margin: 0 0 4px 0; }
  header p { margin: 0; font-size: 13px; color: #cbd2d9; }
  #filters { display: flex; flex-wrap: wrap; gap: 16px; padding: 12px 24px; background: #fff;
             border-bottom: 1px solid #e4e7eb; position: sticky; top: 0; z-index: 10; }
  #filters label { font-size: 13px; display: flex; flex-direction: column; gap: 2px; }
  main { display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 16px;
         padding: 16px 24px; }
  section { background: #fff; border: 1px solid #e4e7eb; border-radius: 6px; padding: 12px; }
  section.wide { grid-column: 1 / -1; }
  section h2 { font-size: 15px; margin: 0 0 4px 0; }
  section p.note { font-size: 12px; color: #616e7c; margin: 0 0 8px 0; }
  .chart { width: 100%; height: 340px; }
  table { border-collapse: collapse; width: 100%; font-size: 12px; }
  th, td { border-bottom: 1px solid #e4e7eb; padding: 4px 6px; text-align: left; vertical-align: top; }
  td.num { text-align: right; white-space: nowrap; }
  .empty { color: #9aa5b1; font-style: italic; }
</style>
<script>__PLOTLY_JS__</script>
</head>
<body>
<header>
  <h1>Crosstalk: one company, two audiences</h1>
  <p>Built from the warehouse views on __GENERATED_AT__. Marketing speaks to clients, recruiting to
  candidates; these charts show how each performs and whether they sound like the same company.</p>
</header>
<div id="filters">
  <label>From <input type="date" id="f-from"></label>
  <label>To <input type="date" id="f-to"></label>
  <label>Company <select id="f-company"></select></label>
  <label>Channel <select id="f-channel"></select></label>
  <label>Objective <select id="f-objective"></select></label>
  <label>Benchmark metric <select id="f-metric"></select></label>
  <label>Clock <select id="f-clock"><option value="local">local</option><option value="utc">UTC</option></select></label>
</div>
<main>
  <section class="wide"><h2>Engagement rate by channel and objective</h2>
    <p class="note">Weekly mean engagement rate by followers of original posts (view engagement_weekly),
    weighted by posts with a known audience when several companies are shown.</p>
    <div id="chart-engagement" class="chart"></div></section>
  <section><h2>Focus company vs competitors</h2>
    <p class="note">View competitor_benchmark: focus value, competitor average (each competitor weighs
    the same) and landscape average (focus included). Ignores the company filter.</p>
    <div id="chart-benchmark" class="chart"></div></section>
  <section><h2>Share of voice</h2>
    <p class="note">View share_of_voice: each company's share of mentions, earned mentions and
    interactions among all tracked companies over the selected weeks. Ignores the company filter.</p>
    <div id="chart-sov" class="chart"></div></section>
  <section><h2>Objective mix per channel</h2>
    <p class="note">View objective_mix: share of each company's original posts by objective.</p>
    <div id="chart-mix" class="chart"></div></section>
  <section><h2>Best time to post</h2>
    <p class="note">View best_time_to_post: mean engagement rate by weekday and hour over the whole
    history (no date filter); hover shows the number of posts.</p>
    <div id="chart-besttime" class="chart"></div></section>
  <section class="wide"><h2>Earned sentiment: customer and candidate voice</h2>
    <p class="note">View earned_sentiment: mean sentiment score (−1…1) of other people's posts about
    each company, by voice (customer = marketing, candidate = recruiting), weighted by scored posts
    over the selected weeks. English lexicon: German/French posts mostly score neutral.</p>
    <div id="chart-sentiment" class="chart"></div></section>
  <section class="wide"><h2>Message consistency (split personality)</h2>
    <p class="note">View message_consistency, whole history: consistency index = TF-IDF similarity of
    marketing and recruiting posts divided by the similarity expected from one voice. About 1: one
    voice; below 0.4: a split personality. See docs/metrics.md.</p>
    <div id="chart-consistency" class="chart"></div>
    <div id="table-consistency"></div></section>
  <section class="wide"><h2>Top posts per objective</h2>
    <p class="note">View top_posts: the highest engagement rates by followers in the selected months.</p>
    <div id="table-top-posts"></div></section>
</main>
<script type="application/json" id="crosstalk-data">__DATA__</script>
<script>
"use strict";
const DATA = JSON.parse(document.getElementById("crosstalk-data").textContent);
const METRICS = ["engagement_rate_by_followers", "posts_per_day", "interactions_per_post",
  "amplification_rate_by_followers", "applause_rate_by_followers", "conversation_rate_by_followers"];
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const CONFIG = {displaylogo: false, responsive: true};
const el = (id) => document.getElementById(id);

function unique(values) { return Array.from(new Set(values.filter((v) => v !== null))).sort(); }
function fillSelect(id, values, allLabel) {
  const select = el(id);
  const options = allLabel ? [["all", allLabel]].concat(values.map((v) => [v, v])) : values.map((v) => [v, v]);
  select.innerHTML = "";
  for (const [value, label] of options) {
    const option = document.createElement("option");
    option.value = value; option.textContent = label; select.appendChild(option);
  }
}
function escapeHtml(value) {
  return String(value === null || value === undefined ? "" : value)
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
function pct(value, digits) { return value === null || value === undefined ? "n/a" : (100 * value).toFixed(digits === undefined ? 2 : digits) + "%"; }

const companies = unique([].concat(...Object.values(DATA).map((rows) => rows.map((r) => r.company || null))));
const channels = unique([].concat(...Object.values(DATA).map((rows) => rows.map((r) => r.channel || null))));
const objectives = unique(DATA.engagement.map((r) => r.objective).concat(DATA.share_of_voice.map((r) => r.objective)));
const focus = (DATA.share_of_voice.find((r) => r.is_focus) || DATA.benchmark.find((r) => r.focus_company) || {});
const focusCompany = focus.company || focus.focus_company || null;
const weeks = unique(DATA.engagement.map((r) => r.week_start).concat(DATA.share_of_voice.map((r) => r.week_start)));
fillSelect("f-company", companies, "All companies");
fillSelect("f-channel", channels, "All channels");
fillSelect("f-objective", objectives, "All objectives");
fillSelect("f-metric", METRICS.filter((m) => DATA.benchmark.some((r) => r.metric === m)), null);
if (weeks.length) { el("f-from").value = weeks[0]; el("f-to").value = addDays(weeks[weeks.length - 1], 6); }

function addDays(iso, days) {
  const d = new Date(iso + "T00:00:00Z"); d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
function state() {
  return {from: el("f-from").value || "0000-01-01", to: el("f-to").value || "9999-12-31",
    company: el("f-company").value, channel: el("f-channel").value, objective: el("f-objective").value,
    metric: el("f-metric").value, clock: el("f-clock").value};
}
// A week (or month) is in range when it overlaps [from, to].
function weekIn(s, start) { return start <= s.to && addDays(start, 6) >= s.from; }
function monthIn(s, start) { return start <= s.to && start.slice(0, 7) >= s.from.slice(0, 7); }
function pick(s, r, opts) {
  if (opts.company && s.company !== "all" && r.company !== s.company) return false;
  if (opts.channel && s.channel !== "all" && r.channel !== s.channel) return false;
  if (opts.objective && s.objective !== "all" && r.objective !== s.objective) return false;
  return true;
}
function draw(id, traces, layout) {
  const base = {margin: {l: 56, r: 16, t: 16, b: 48}, legend: {orientation: "h", y: -0.2},
    font: {size: 11}};
  if (!traces.length) {
    base.annotations = [{text: "No data for this selection", showarrow: false, xref: "paper", yref: "paper", x: 0.5, y: 0.5}];
    base.xaxis = {visible: false}; base.yaxis = {visible: false};
  }
  Plotly.react(el(id), traces, Object.assign(base, traces.length ? layout : {}), CONFIG);
}

function renderEngagement(s) {
  const groups = new Map();
  for (const r of DATA.engagement) {
    if (!pick(s, r, {company: true, channel: true, objective: true}) || !weekIn(s, r.week_start)) continue;
    const key = r.channel + " · " + r.objective;
    if (!groups.has(key)) groups.set(key, new Map());
    const byWeek = groups.get(key);
    const acc = byWeek.get(r.week_start) || {sum: 0, n: 0, posts: 0};
    if (r.engagement_rate_by_followers !== null) { acc.sum += r.engagement_rate_by_followers * r.rated_posts; acc.n += r.rated_posts; }
    acc.posts += r.posts; byWeek.set(r.week_start, acc);
  }
  const traces = [];
  for (const key of Array.from(groups.keys()).sort()) {
    const points = Array.from(groups.get(key).entries()).sort();
    traces.push({type: "scatter", mode: "lines+markers", name: key, x: points.map((p) => p[0]),
      y: points.map((p) => (p[1].n ? p[1].sum / p[1].n : null)),
      customdata: points.map((p) => p[1].posts),
      hovertemplate: "%{x}: %{y:.2%} (%{customdata} posts)<extra>" + escapeHtml(key) + "</extra>"});
  }
  draw("chart-engagement", traces, {yaxis: {tickformat: ".1%", title: "engagement rate"}, xaxis: {type: "date"}});
}

function renderBenchmark(s) {
  const objective = s.objective === "all" ? "all" : s.objective;
  const traces = [];
  for (const channel of channels) {
    if (s.channel !== "all" && channel !== s.channel) continue;
    const rows = DATA.benchmark.filter((r) => r.channel === channel && r.objective === objective &&
      r.metric === s.metric && weekIn(s, r.week_start)).sort((a, b) => (a.week_start < b.week_start ? -1 : 1));
    if (!rows.length) continue;
    const series = [["focus_value", (rows[0].focus_company || "focus")], ["competitor_avg", "competitor avg"], ["landscape_avg", "landscape avg"]];
    for (const [column, label] of series) {
      traces.push({type: "scatter", mode: "lines+markers", name: channel + " · " + label,
        x: rows.map((r) => r.week_start), y: rows.map((r) => r[column]),
        line: {dash: column === "focus_value" ? "solid" : column === "competitor_avg" ? "dash" : "dot"}});
    }
  }
  const isRate = s.metric.indexOf("rate") >= 0;
  draw("chart-benchmark", traces, {yaxis: {tickformat: isRate ? ".1%" : ".2f", title: s.metric}, xaxis: {type: "date"}});
}

function renderShareOfVoice(s) {
  const totals = new Map();
  const sums = {mentions: 0, earned_mentions: 0, interactions: 0};
  for (const r of DATA.share_of_voice) {
    if (!pick(s, r, {channel: true, objective: true}) || !weekIn(s, r.week_start)) continue;
    const acc = totals.get(r.company) || {mentions: 0, earned_mentions: 0, interactions: 0};
    for (const k of Object.keys(sums)) { acc[k] += r[k] || 0; sums[k] += r[k] || 0; }
    totals.set(r.company, acc);
  }
  const names = Array.from(totals.keys()).sort();
  const label = (c) => (c === focusCompany ? c + " (focus)" : c);
  const traces = [["mentions", "mentions"], ["earned_mentions", "earned mentions"], ["interactions", "interactions"]]
    .filter(([k]) => sums[k] > 0)
    .map(([k, name]) => ({type: "bar", name: name, x: names.map(label),
      y: names.map((c) => totals.get(c)[k] / sums[k]), hovertemplate: "%{x}: %{y:.1%}<extra>" + name + "</extra>"}));
  draw("chart-sov", traces, {barmode: "group", yaxis: {tickformat: ".0%", title: "share"}});
}

function renderObjectiveMix(s) {
  const counts = new Map();
  for (const r of DATA.objective_mix) {
    if (!pick(s, r, {company: true, channel: true}) || !weekIn(s, r.week_start)) continue;
    const key = r.company + " · " + r.channel;
    const acc = counts.get(key) || {total: 0};
    acc[r.objective] = (acc[r.objective] || 0) + r.posts; acc.total += r.posts;
    counts.set(key, acc);
  }
  const keys = Array.from(counts.keys()).sort();
  const mixObjectives = unique(DATA.objective_mix.map((r) => r.objective));
  const traces = mixObjectives.map((o) => ({type: "bar", name: o, x: keys,
    y: keys.map((k) => (counts.get(k)[o] || 0) / counts.get(k).total),
    customdata: keys.map((k) => counts.get(k)[o] || 0),
    hovertemplate: "%{x}: %{y:.0%} (%{customdata} posts)<extra>" + o + "</extra>"}))
    .filter((t) => t.customdata.some((n) => n > 0));
  draw("chart-mix", traces, {barmode: "stack", yaxis: {tickformat: ".0%", title: "share of posts"}});
}

function renderBestTime(s) {
  const cells = new Map();
  let zone = "UTC";
  for (const r of DATA.best_time) {
    if (r.clock !== s.clock || !pick(s, r, {company: true, channel: true, objective: true})) continue;
    zone = r.time_zone;
    const key = r.weekday + "|" + r.hour;
    const acc = cells.get(key) || {sum: 0, n: 0, posts: 0};
    if (r.engagement_rate_by_followers !== null) { acc.sum += r.engagement_rate_by_followers * r.rated_posts; acc.n += r.rated_posts; }
    acc.posts += r.posts; cells.set(key, acc);
  }
  const hours = Array.from({length: 24}, (_, h) => h);
  const z = WEEKDAYS.map((_, d) => hours.map((h) => { const c = cells.get((d + 1) + "|" + h); return c && c.n ? c.sum / c.n : null; }));
  const posts = WEEKDAYS.map((_, d) => hours.map((h) => { const c = cells.get((d + 1) + "|" + h); return c ? c.posts : 0; }));
  const traces = cells.size ? [{type: "heatmap", x: hours, y: WEEKDAYS, z: z, customdata: posts,
    colorscale: "Blues", reversescale: true, hoverongaps: false, colorbar: {tickformat: ".1%"},
    hovertemplate: "%{y} %{x}:00: %{z:.2%} (%{customdata} posts)<extra></extra>"}] : [];
  draw("chart-besttime", traces, {xaxis: {title: "hour (" + zone + ")", dtick: 2}, yaxis: {autorange: "reversed"}});
}

function renderConsistency(s) {
  const rows = DATA.consistency.filter((r) => r.period_kind === "all" && pick(s, r, {company: true, channel: true}));
  const traces = channels.filter((c) => rows.some((r) => r.channel === c)).map((channel) => {
    const part = rows.filter((r) => r.channel === channel).sort((a, b) => (a.company < b.company ? -1 : 1));
    return {type: "bar", name: channel, x: part.map((r) => r.company), y: part.map((r) => r.consistency_index),
      customdata: part.map((r) => [r.reading, r.marketing_posts, r.recruiting_posts]),
      hovertemplate: "%{x}: %{y:.2f} — %{customdata[0]} (%{customdata[1]} marketing / %{customdata[2]} recruiting posts)<extra>" + channel + "</extra>"};
  });
  draw("chart-consistency", traces, {barmode: "group", yaxis: {title: "consistency index", rangemode: "tozero"},
    shapes: [{type: "line", xref: "paper", x0: 0, x1: 1, y0: 0.4, y1: 0.4, line: {dash: "dot", color: "#c00"}}]});
  const body = rows.map((r) => "<tr><td>" + escapeHtml(r.company) + "</td><td>" + escapeHtml(r.channel) +
    "</td><td class='num'>" + (r.consistency_index === null ? "n/a" : r.consistency_index.toFixed(2)) +
    "</td><td>" + escapeHtml(r.reading) + "</td><td>" + escapeHtml(r.top_shared_terms) +
    "</td><td>" + escapeHtml(r.top_marketing_terms) + "</td><td>" + escapeHtml(r.top_recruiting_terms) + "</td></tr>").join("");
  el("table-consistency").innerHTML = rows.length ? "<table><thead><tr><th>company</th><th>channel</th><th>index</th>" +
    "<th>reading</th><th>shared terms</th><th>marketing-only terms</th><th>recruiting-only terms</th></tr></thead><tbody>" +
    body + "</tbody></table>" : "<p class='empty'>No consistency scores for this selection.</p>";
}

function renderSentiment(s) {
  const acc = new Map();
  for (const r of DATA.sentiment) {
    if (r.voice === "unlabeled" || !pick(s, r, {company: true, channel: true}) || !weekIn(s, r.week_start)) continue;
    if (r.avg_sentiment_score === null || !r.scored_posts) continue;
    const key = r.voice + "|" + r.company;
    const a = acc.get(key) || {sum: 0, n: 0};
    a.sum += r.avg_sentiment_score * r.scored_posts; a.n += r.scored_posts; acc.set(key, a);
  }
  const names = unique(Array.from(acc.keys()).map((k) => k.split("|")[1]));
  const traces = ["customer", "candidate", "public"].map((voice) => ({type: "bar", name: voice + " voice",
    x: names, y: names.map((c) => { const a = acc.get(voice + "|" + c); return a ? a.sum / a.n : null; }),
    customdata: names.map((c) => (acc.get(voice + "|" + c) || {n: 0}).n),
    hovertemplate: "%{x}: %{y:.2f} (%{customdata} posts)<extra>" + voice + "</extra>"}))
    .filter((t) => t.customdata.some((n) => n > 0));
  draw("chart-sentiment", traces, {barmode: "group", yaxis: {title: "mean sentiment score", range: [-1, 1]}});
}

function renderTopPosts(s) {
  const rows = DATA.top_posts.filter((r) => pick(s, r, {company: true, channel: true, objective: true}) && monthIn(s, r.month_start))
    .sort((a, b) => (b.engagement_rate_by_followers ?? -Infinity) - (a.engagement_rate_by_followers ?? -Infinity) ||
      (b.interactions ?? -1) - (a.interactions ?? -1));
  const parts = [];
  for (const objective of unique(rows.map((r) => r.objective))) {
    const top = rows.filter((r) => r.objective === objective).slice(0, 5);
    parts.push(top.map((r) => "<tr data-company='" + escapeHtml(r.company) + "'><td>" + escapeHtml(objective) +
      "</td><td>" + escapeHtml(r.company) + "</td><td>" + escapeHtml(r.channel) + "</td><td>" +
      escapeHtml((r.created_at || "").slice(0, 10)) + "</td><td>" +
      (r.url ? "<a href='" + escapeHtml(r.url) + "'>" : "") + escapeHtml(((r.title ? r.title + " — " : "") + (r.text || "")).slice(0, 160)) +
      (r.url ? "</a>" : "") + "</td><td class='num'>" + (r.interactions ?? "n/a") + "</td><td class='num'>" +
      pct(r.engagement_rate_by_followers) + "</td></tr>").join(""));
  }
  el("table-top-posts").innerHTML = rows.length ? "<table><thead><tr><th>objective</th><th>company</th><th>channel</th>" +
    "<th>date</th><th>post</th><th>interactions</th><th>engagement rate</th></tr></thead><tbody>" + parts.join("") +
    "</tbody></table>" : "<p class='empty'>No posts for this selection.</p>";
}

function render() {
  const s = state();
  renderEngagement(s); renderBenchmark(s); renderShareOfVoice(s); renderObjectiveMix(s);
  renderBestTime(s); renderSentiment(s); renderConsistency(s); renderTopPosts(s);
  document.body.dataset.rendered = String(Number(document.body.dataset.rendered || 0) + 1);
}
for (const id of ["f-from", "f-to", "f-company", "f-channel", "f-objective", "f-metric", "f-clock"]) {
  el(id).addEventListener("change", render);
}
render();
</script>
</body>
</html>
"""
