#!/usr/bin/env python3
"""Draws report time against socket table rows and interface addresses as an SVG.

Reads app.csv, timer.csv and ss.csv written by scale.sh in RESULTS_DIR and writes one SVG
with two log-log panels: the median cold report time (the sample app's startup report, and
LiveReportTimer's first report in a fresh JVM) against socket table rows, one line per
interface count, and against interface addresses, one line per socket count; ss -ltn and
ss -ltnp on the same states are drawn dashed as the anchor, and a dotted line of slope one
shows what linear growth would look like. Uses the standard library only.

    plot_report_time.py RESULTS_DIR OUTPUT.svg [NOTE]

NOTE, if given, is printed under the panels (run conditions, for example).
"""

import csv
import math
import os
import statistics
import sys
from xml.sax.saxutils import escape

COLORS = ["#1b6ca8", "#d1495b", "#2e933c", "#8e5ea2", "#edae49", "#00798c"]


def read(results, name):
    path = os.path.join(results, name)
    return list(csv.DictReader(open(path))) if os.path.exists(path) else []


def medians(rows, key_fields, value):
    groups = {}
    for row in rows:
        key = tuple(int(row[f]) for f in key_fields)
        groups.setdefault(key, []).append(value(row))
    return {key: statistics.median(values) for key, values in groups.items()}


class Panel:
    def __init__(self, x, y, width, height, points, title, xlabel):
        self.x, self.y, self.width, self.height = x, y, width, height
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        self.x0, self.x1 = math.floor(math.log10(min(xs))), math.ceil(math.log10(max(xs)))
        self.y0, self.y1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)))
        if self.x1 == self.x0:
            self.x1 += 1
        if self.y1 == self.y0:
            self.y1 += 1
        self.title, self.xlabel = title, xlabel

    def px(self, value):
        return self.x + (math.log10(value) - self.x0) / (self.x1 - self.x0) * self.width

    def py(self, value):
        return self.y + self.height - (math.log10(value) - self.y0) / (self.y1 - self.y0) * self.height

    def frame(self):
        parts = ['<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="none" stroke="#444"/>'
                 % (self.x, self.y, self.width, self.height)]
        for exponent in range(self.x0, self.x1 + 1):
            x = self.px(10 ** exponent)
            parts.append('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#ddd"/>'
                         % (x, self.y, x, self.y + self.height))
            parts.append('<text x="%.1f" y="%.1f" text-anchor="middle">%s</text>'
                         % (x, self.y + self.height + 16, label(10 ** exponent)))
        for exponent in range(self.y0, self.y1 + 1):
            for factor in (1, 2, 5):
                value = factor * 10 ** exponent
                if value > 10 ** self.y1:
                    continue
                y = self.py(value)
                parts.append('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s"/>'
                             % (self.x, y, self.x + self.width, y, "#ddd" if factor == 1 else "#f0f0f0"))
                parts.append('<text x="%.1f" y="%.1f" text-anchor="end">%s</text>'
                             % (self.x - 6, y + 4, label(value)))
        parts.append('<text x="%.1f" y="%.1f" text-anchor="middle" font-weight="bold">%s</text>'
                     % (self.x + self.width / 2, self.y - 10, escape(self.title)))
        parts.append('<text x="%.1f" y="%.1f" text-anchor="middle">%s</text>'
                     % (self.x + self.width / 2, self.y + self.height + 36, escape(self.xlabel)))
        parts.append('<text transform="translate(%.1f %.1f) rotate(-90)" text-anchor="middle">'
                     'time (ms, log scale)</text>' % (self.x - 48, self.y + self.height / 2))
        return parts

    def line(self, points, color, dash="", marker=True, clip=""):
        points = sorted(points)
        path = " ".join("%.1f,%.1f" % (self.px(x), self.py(y)) for x, y in points)
        parts = ['<polyline points="%s" fill="none" stroke="%s" stroke-width="2" %s %s/>'
                 % (path, color, 'stroke-dasharray="%s"' % dash if dash else "",
                    'clip-path="url(#%s)"' % clip if clip else "")]
        if marker:
            parts += ['<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>' % (self.px(x), self.py(y), color)
                      for x, y in points]
        return parts


def label(value):
    if value >= 1000:
        return "%gk" % (value / 1000)
    return "%g" % value


def main():
    results, output = sys.argv[1], sys.argv[2]
    note = sys.argv[3] if len(sys.argv) > 3 else ""
    app = read(results, "app.csv")
    timer = read(results, "timer.csv")
    ss = read(results, "ss.csv")
    key = ("interfaces", "sockets")
    rows = medians(timer or app, key, lambda r: float(r["rows"]))
    addresses = medians(timer or app, key, lambda r: float(r["addresses"]))
    app_ms = medians(app, key, lambda r: float(r["report_ms"]))
    cold_ms = medians([r for r in timer if r["part"] == "report"], key, lambda r: float(r["cold_us"]) / 1000)
    ss_ms = {c: medians([r for r in ss if r["command"] == c], key, lambda r: float(r["ms"]))
             for c in ("ss -ltn", "ss -ltnp")}
    states = sorted(rows)
    interface_counts = sorted({i for i, _ in states})
    socket_counts = sorted({s for _, s in states})

    series = []  # (panel index, label, color, dash, points)
    for panel, fixed_counts, fixed_index in ((0, interface_counts, 0), (1, socket_counts, 1)):
        for n, count in enumerate(fixed_counts):
            color = COLORS[n % len(COLORS)]
            chosen = [s for s in states if s[fixed_index] == count]
            axis = rows if panel == 0 else addresses
            name = ("%d interfaces" % count) if panel == 0 else ("%d connections" % count)
            if app_ms:
                series.append((panel, "app startup report, " + name, color, "",
                               [(axis[s], app_ms[s]) for s in chosen if s in app_ms]))
            if cold_ms:
                series.append((panel, "first report in a fresh JVM, " + name, color, "2,3",
                               [(axis[s], cold_ms[s]) for s in chosen if s in cold_ms]))
        largest = [s for s in states if s[panel] == (interface_counts[-1] if panel == 0 else socket_counts[-1])]
        axis = rows if panel == 0 else addresses
        for command, color in (("ss -ltn", "#777"), ("ss -ltnp", "#222")):
            points = [(axis[s], ss_ms[command][s]) for s in largest if s in ss_ms[command]]
            if points:
                series.append((panel, command + " (%s)" % ("%d interfaces" % interface_counts[-1] if panel == 0
                                                              else "%d connections" % socket_counts[-1]),
                               color, "8,4", points))

    legend_lines = max(sum(1 for s in series if s[0] == i) for i in (0, 1)) + 1
    width, height = 1100, 420 + 16 * legend_lines + 30
    panels = []
    for index, (title, xlabel) in enumerate((
            ("Report time against socket table rows", "socket table rows (tcp + tcp6, log scale)"),
            ("Report time against interface addresses", "interface addresses (log scale)"))):
        points = [p for s in series if s[0] == index for p in s[4]]
        panels.append(Panel(80 + index * 530, 50, 430, 300, points, title, xlabel))

    svg = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" '
           'font-size="12">' % (width, height), '<rect width="100%" height="100%" fill="white"/>']
    for index, panel in enumerate(panels):
        svg.append('<clipPath id="panel%d"><rect x="%.1f" y="%.1f" width="%.1f" height="%.1f"/></clipPath>'
                   % (index, panel.x, panel.y, panel.width, panel.height))
        svg += panel.frame()
        # Slope one through the first point of the first series: linear growth.
        first = next((s[4] for s in series if s[0] == index and s[4]), None)
        if first:
            x, y = sorted(first)[0]
            x_end = 10 ** panel.x1
            y_end = y * x_end / x
            svg += panel.line([(x, y), (x_end, y_end)], "#bbb", "1,4", marker=False, clip="panel%d" % index)
        for s in series:
            if s[0] == index and s[4]:
                svg += panel.line(s[4], s[2], s[3])
    legend_y = 420
    for index in (0, 1):
        y = legend_y
        for s in [s for s in series if s[0] == index] + [(index, "linear growth (slope 1)", "#bbb", "1,4", [])]:
            x = panels[index].x
            svg.append('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="2" %s/>'
                       % (x, y - 4, x + 28, y - 4, s[2], 'stroke-dasharray="%s"' % s[3] if s[3] else ""))
            svg.append('<text x="%.1f" y="%.1f">%s</text>' % (x + 34, y, escape(s[1])))
            y += 16
    if note:
        svg.append('<text x="80" y="%d" fill="#555">%s</text>' % (height - 8, escape(note)))
    svg.append('</svg>')
    with open(output, "w") as f:
        f.write("\n".join(svg) + "\n")


if __name__ == "__main__":
    main()
