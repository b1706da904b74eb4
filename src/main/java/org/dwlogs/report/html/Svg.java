package org.dwlogs.report.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The page's charts as inline SVG drawn here: no script, no library, nothing to load. Every
 * label and tooltip goes through {@link Html#text}.
 */
final class Svg {
  /** Series colours; the last is for "other". */
  static final List<String> COLOURS = List.of("#4e79a7", "#f28e2b", "#e15759", "#76b7b2",
      "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac");
  static final int SERIES = COLOURS.size() - 1;

  private Svg() {}

  /** One bar of a stacked chart: its label and the value of each series. */
  record Bar(String label, Map<String, Long> values) {}

  /**
   * Stacked bars, one per {@code bars} entry, stacked by series in {@code series} order (with
   * their colours from {@link #COLOURS}); a tooltip per segment.
   */
  static String stackedBars(List<Bar> bars, List<String> series, String yLabel) {
    int width = 900;
    int height = 240;
    int left = 48;
    int bottom = 36;
    int top = 10;
    long max = 1;
    for (Bar b : bars) {
      max = Math.max(max, b.values().values().stream().mapToLong(Long::longValue).sum());
    }
    double slot = (width - left - 10) / (double) Math.max(1, bars.size());
    double barWidth = Math.max(1, Math.min(36, slot * 0.8));
    double plot = height - top - bottom;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" "
        + "height=\"%d\" role=\"img\" aria-label=\"%s\">", width, height, width, height, Html.text(yLabel)));
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>",
        left, height - bottom, width - 5, height - bottom));
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"tick\" text-anchor=\"end\">%d</text>",
        left - 4, top + 8, max));
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"tick\" text-anchor=\"end\">0</text>",
        left - 4, height - bottom));
    int labelEvery = Math.max(1, (int) Math.ceil(bars.size() / 12.0));
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double x = left + i * slot + (slot - barWidth) / 2;
      double y = height - bottom;
      for (int s = 0; s < series.size(); s++) {
        long v = b.values().getOrDefault(series.get(s), 0L);
        if (v == 0) {
          continue;
        }
        double h = plot * v / max;
        y -= h;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
            + "fill=\"%s\"><title>%s: %s %d</title></rect>", x, y, barWidth, h,
            COLOURS.get(Math.min(s, SERIES)), Html.text(b.label()), Html.text(series.get(s)), v));
      }
      if (i % labelEvery == 0 || i == bars.size() - 1) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" "
            + "text-anchor=\"middle\">%s</text>", x + barWidth / 2, height - bottom + 14, Html.text(b.label())));
      }
    }
    svg.append("</svg>");
    return svg.toString();
  }

  /** One slot of a small chart; {@code value} null when there is no report for it. */
  record Point(String label, Long value, String tooltip) {}

  /** A small bar chart of one issue over time; missing slots are drawn as a grey tick. */
  static String sparkline(List<Point> points) {
    int slot = 5;
    int height = 28;
    int width = Math.max(slot, points.size() * slot);
    long max = Math.max(1, points.stream().filter(p -> p.value() != null)
        .mapToLong(Point::value).max().orElse(1));
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg class=\"spark\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">", width, height,
        width, height));
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      boolean last = i == points.size() - 1;
      if (p.value() == null) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"1\" "
            + "class=\"missing\"><title>%s</title></rect>", i * slot, height - 1, slot - 1,
            Html.text(p.tooltip())));
        continue;
      }
      double h = p.value() == 0 ? 1 : Math.max(2, (height - 2) * p.value() / (double) max);
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" "
          + "class=\"%s\"><title>%s</title></rect>", i * slot, height - h, slot - 1, h,
          p.value() == 0 ? "zero" : last ? "today" : "bar", Html.text(p.tooltip())));
    }
    svg.append("</svg>");
    return svg.toString();
  }

  /** The {@code n} series with the largest totals, largest first, and "other" for the rest. */
  static List<String> topSeries(Map<String, Long> totals, int n, String other) {
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(totals.entrySet());
    sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.min(n, sorted.size()); i++) {
      out.add(sorted.get(i).getKey());
    }
    if (sorted.size() > n) {
      out.add(other);
    }
    return out;
  }

  /** {@code values} with every key not in {@code keep} summed under {@code other}. */
  static Map<String, Long> fold(Map<String, Long> values, List<String> keep, String other) {
    Map<String, Long> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.merge(keep.contains(k) ? k : other, v, Long::sum));
    return out;
  }
}
