"""Forms follow the GOV.UK patterns: the server checks input (never the browser's pop-ups),
a date field shows the date it holds, and "(optional)" is said once."""

import datetime
import re

from django.template import Context, Template

from cpd.models import CPDEntry
from events.forms import BookingForm, CancelForm


def test_it_shows_the_cpd_date_it_holds_in_the_format_a_date_input_takes(client, alice):
    entry = CPDEntry.objects.create(user=alice, kind=CPDEntry.Kind.READING, title="Guide",
                                    date=datetime.date(2026, 11, 28), hours=1)
    client.force_login(alice)
    html = client.get(f"/learning/cpd/{entry.pk}/edit/").content.decode()
    assert re.search(r'type="date"[^>]*value="2026-11-28"|value="2026-11-28"[^>]*type="date"',
                     html), html
    new = client.get("/learning/cpd/add/").content.decode()
    assert re.search(r'value="\d{4}-\d{2}-\d{2}"', new)
    assert "novalidate" in new


def test_it_says_optional_once():
    for form, name in [(BookingForm(), "access_requirements"), (CancelForm(), "reason")]:
        html = form[name].as_field_group()
        assert html.count("(optional)") == 1, html


def test_a_slot_time_has_no_space_before_the_full_stop():
    slot = type("Slot", (), {"starts_at": datetime.datetime(2027, 3, 3, 10, 0),
                             "ends_at": datetime.datetime(2027, 3, 3, 11, 0)})()
    html = Template('{% include "secondments/includes/slot_when.html" %}.').render(
        Context({"slot": slot}))
    assert html.endswith("10:00 to 11:00.")
