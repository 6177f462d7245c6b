"""Server-rendered SVG bar charts. Each chart is drawn from the same rows as the data table
printed beside it, so a screen reader user gets the numbers and nobody needs JavaScript."""

from dataclasses import dataclass

WIDTH = 640
HEIGHT = 240
PAD_LEFT = 40
PAD_BOTTOM = 40
PAD_TOP = 16


@dataclass
class Bar:
    label: str
    value: float
    x: float
    y: float
    width: float
    height: float
    label_x: float


def _nice_ceiling(value):
    if value <= 0:
        return 1
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def bar_chart(title, rows, value_label="Count"):
    """`rows` is a list of (label, value). Returns what the chart template draws."""
    rows = list(rows)
    # At least 4 so that the four gridlines of a chart of small counts fall on whole numbers.
    top = max(_nice_ceiling(max((v for _, v in rows), default=0)), 4)
    plot_width = WIDTH - PAD_LEFT - 8
    plot_height = HEIGHT - PAD_TOP - PAD_BOTTOM
    slot = plot_width / max(len(rows), 1)
    bars = []
    for index, (label, value) in enumerate(rows):
        height = plot_height * (value / top) if top else 0
        x = PAD_LEFT + index * slot + slot * 0.15
        bars.append(Bar(
            label=str(label), value=value,
            x=round(x, 1), y=round(PAD_TOP + plot_height - height, 1),
            width=round(slot * 0.7, 1), height=round(height, 1),
            label_x=round(x + slot * 0.35, 1),
        ))
    ticks = [
        {"value": top * i / 4, "y": round(PAD_TOP + plot_height - plot_height * i / 4, 1)}
        for i in range(5)
    ]
    return {
        "title": title,
        "value_label": value_label,
        "bars": bars,
        "ticks": ticks,
        "width": WIDTH,
        "height": HEIGHT,
        "axis_x": PAD_LEFT,
        "axis_y": PAD_TOP + plot_height,
        "label_y": HEIGHT - PAD_BOTTOM + 18,
        "total": sum(v for _, v in rows),
    }
