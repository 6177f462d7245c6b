"""Reports and matrices keep every course anyone completed, from the records' own snapshots:
unpublished courses labelled "unpublished", deleted ones "deleted". They used to lose the
rows and columns (and a person's completion vanished from the CSV) though the records
survived."""

from django.test import Client
from django.urls import reverse

from tests.reports.helpers import by_first, export_rows


def _manager_client(world):
    client = Client()
    client.force_login(world.manager)
    return client


def _completion_csv(staff_client):
    rows = export_rows(staff_client, "course_completion", "csv")
    return by_first(rows[1:])


def _admin_matrix_csv(staff_client, world):
    rows = export_rows(staff_client, "training_matrix", "csv", team=world.team.pk)
    return rows[0], by_first(rows[1:])


def _manager_matrix(world):
    response = _manager_client(world).get(reverse("courses:team_matrix"))
    assert response.status_code == 200
    matrix = response.context["matrix"]
    alice_row = next(r for r in matrix["rows"] if r["user"] == world.alice)
    return {c.column_label: cell["label"] for c, cell in zip(matrix["courses"],
                                                           alice_row["cells"], strict=True)}


def test_every_report_keeps_a_completed_course_once_unpublished_and_once_deleted(
        world, staff_client):
    title = world.course.title
    before = _completion_csv(staff_client)[title]
    heading, matrix = _admin_matrix_csv(staff_client, world)
    alice_before = matrix["Alice Adams"][heading.index(title)]
    assert before[4] == "1" and alice_before.startswith("Completed")
    assert _manager_matrix(world)[title].startswith("Completed")

    world.course.unpublish()
    label = f"{title} (unpublished)"
    assert _completion_csv(staff_client)[label][2:] == before[2:]
    heading, matrix = _admin_matrix_csv(staff_client, world)
    assert matrix["Alice Adams"][heading.index(label)] == alice_before
    assert _manager_matrix(world)[label] == "Completed"

    world.course.delete()
    label = f"{title} (deleted)"
    after = _completion_csv(staff_client)[label]
    # Enrolled, in progress, completed, rate, median days: the same, from the snapshots.
    assert after[2:7] == before[2:7]
    assert title not in _completion_csv(staff_client)
    heading, matrix = _admin_matrix_csv(staff_client, world)
    assert matrix["Alice Adams"][heading.index(label)] == alice_before
    assert _manager_matrix(world)[label] == "Completed"
