"""A measure's trend as the kernel's SVG bar chart (cms.charts) with its baseline drawn
across it as a dashed line."""

from cms.charts import PAD_BOTTOM, PAD_TOP, bar_chart
from cms.charts import _nice_ceiling as nice_ceiling


def trend_chart(series, title):
    rows = [(p.period.short_label, float(p.value or 0)) for p in series.points]
    unit = series.measure.get_unit_display()
    chart = bar_chart(title, rows, value_label=unit)
    baseline = series.baseline
    if baseline is None or baseline.value is None:
        chart["baseline"] = None
        return chart
    value = float(baseline.value)
    top = chart["ticks"][-1]["value"]
    plot_height = chart["height"] - PAD_TOP - PAD_BOTTOM
    if value > top:  # rescale so the baseline fits on the chart
        new_top = nice_ceiling(value)
        for bar in chart["bars"]:
            bar.height = round(bar.height * top / new_top, 1)
            bar.y = round(chart["axis_y"] - bar.height, 1)
        chart["ticks"] = [{"value": new_top * i / 4,
                           "y": round(PAD_TOP + plot_height - plot_height * i / 4, 1)}
                          for i in range(5)]
        top = new_top
    chart["baseline"] = {
        "value": value,
        "label": baseline.period.label,
        "y": round(chart["axis_y"] - plot_height * (value / top if top else 0), 1),
    }
    return chart
