"""Small builders for the demo's rich text and StreamField values, shared by every app's
demo content."""

import json


def rich(*paragraphs):
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def bullets(*items):
    return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def stream(*blocks):
    """Build StreamField JSON from (type, value) pairs."""
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])
