"""The README's backup and restore recipe, run: pg_dump of a live database, pg_restore into
a scratch database, the same rows there, and certificates and sponsors' signed links that
still verify against it with the same SECRET_KEY (and not with another: keep the key)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from secondments.services import sponsor_url
from tests.proof.conftest import build_world

ROOT = Path(__file__).resolve().parents[2]
TABLES = [
    "cms_user", "wagtailcore_page", "courses_enrolment", "courses_modulecompletion",
    "courses_certificate", "courses_cpdentry", "events_eventbooking",
    "wagtailcore_modellogentry", "secondments_secondmentapplication",
    "secondments_mentoringbooking",
]

VERIFY = """
from django.test import Client
client = Client()
for url in {urls!r}:
    response = client.get(url)
    print(response.status_code, "This certificate is valid" in response.content.decode())
"""


def _counts(dsn):
    with psycopg.connect(dsn) as conn:
        return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in TABLES}


def _verify_on(dsn_url, urls, secret_key):
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", VERIFY.format(urls=urls)],
        cwd=ROOT, capture_output=True, text=True, check=True,
        env={**os.environ, "DATABASE_URL": dsn_url, "SECRET_KEY": secret_key, "DEBUG": "1"})
    return out.stdout.split("\n")[-3:-1]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_pg_dump_restored_into_a_scratch_database_has_every_row_and_still_verifies(
        tmp_path):
    world = build_world()
    application = world.application
    application.sponsor_email = application.sponsor_email or "sponsor@example.org"
    application.save(update_fields=["sponsor_email"])
    db = connection.settings_dict
    host, port, user = db["HOST"] or "127.0.0.1", str(db["PORT"] or 5432), db["USER"]
    scratch = f"{db['NAME']}_restore"
    base = ["-h", host, "-p", port, "-U", user]
    dump = tmp_path / "centre.dump"

    # The README's recipe.
    subprocess.run(["pg_dump", *base, "--format=custom", "--file", str(dump), db["NAME"]],
                   check=True)
    subprocess.run(["dropdb", *base, "--if-exists", scratch], check=True)
    subprocess.run(["createdb", *base, scratch], check=True)
    try:
        subprocess.run(["pg_restore", *base, "--no-owner", "--exit-on-error",
                        "--dbname", scratch, str(dump)], check=True)

        def dsn(name):
            return f"postgresql://{user}@{host}:{port}/{name}"

        original = _counts(dsn(db["NAME"]))
        assert original["courses_certificate"] >= 1 and original["events_eventbooking"] >= 1
        assert _counts(dsn(scratch)) == original

        urls = [world.certificate.get_absolute_url(), sponsor_url(application)]
        assert _verify_on(dsn(scratch), urls, settings.SECRET_KEY) == [
            "200 True", "200 False"]
        # Restored without the SECRET_KEY it was signed with, the sponsor's link is refused.
        assert _verify_on(dsn(scratch), urls, "another-key-" + "x" * 50)[1].startswith("400")
    finally:
        subprocess.run(["dropdb", *base, "--if-exists", scratch], check=True)


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="needs the sqlite3 tool")
def test_the_sqlite_backup_recipe_keeps_writes_still_in_the_wal(tmp_path):
    """The README's `.backup` takes what a plain copy of db.sqlite3 would miss: writes the
    running site made that are still in the write-ahead log."""
    import sqlite3

    live = sqlite3.connect(tmp_path / "db.sqlite3")
    live.execute("PRAGMA journal_mode=WAL")
    live.execute("PRAGMA wal_autocheckpoint=0")
    live.execute("CREATE TABLE booking (id INTEGER PRIMARY KEY)")
    live.executemany("INSERT INTO booking VALUES (?)", [(i,) for i in range(100)])
    live.commit()  # still open, as the site's connection would be

    subprocess.run(["sqlite3", str(tmp_path / "db.sqlite3"),
                    f".backup '{tmp_path / 'backup.sqlite3'}'"], check=True)
    copied = tmp_path / "copied.sqlite3"
    copied.write_bytes((tmp_path / "db.sqlite3").read_bytes())

    backup = sqlite3.connect(tmp_path / "backup.sqlite3")
    assert backup.execute("SELECT count(*) FROM booking").fetchone()[0] == 100
    plain = sqlite3.connect(copied)
    assert plain.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    live.close()
