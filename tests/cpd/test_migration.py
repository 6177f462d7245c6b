"""Moving CPDEntry from courses to cpd keeps every entry: the migrations change which app
owns the model, never the table."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("courses", "0007_bound_cpd_free_text"), ("cpd", None)]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    nodes = [t for t in targets if t[1]] + [("contenttypes", "0002_remove_content_type_name")]
    return executor.loader.project_state(nodes).apps


def test_it_keeps_every_cpd_entry_and_its_content_type_when_the_model_moves(alice):
    after = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old = _migrate(BEFORE)
        OldEntry = old.get_model("courses", "CPDEntry")
        ContentType = old.get_model("contenttypes", "ContentType")
        content_type, _ = ContentType.objects.get_or_create(app_label="courses",
                                                            model="cpdentry")
        OldEntry.objects.create(user_id=alice.pk, title="Written before the move",
                                date=datetime.date(2026, 3, 1), hours=2, kind="reading")
        new = _migrate(after)
    finally:
        _migrate(after)
    Entry = new.get_model("cpd", "CPDEntry")
    entry = Entry.objects.get(user_id=alice.pk)
    assert entry.title == "Written before the move" and entry.hours == 2
    assert new.get_model("contenttypes", "ContentType").objects.get(
        pk=content_type.pk).app_label == "cpd"
