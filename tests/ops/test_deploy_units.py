"""The example systemd units run commands that exist, and every scheduled job the README
lists has a timer (requeue included)."""

import configparser
from pathlib import Path

from django.core.management import get_commands

UNITS = Path(__file__).resolve().parents[2] / "deploy" / "systemd"


def _unit(name):
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(UNITS / name)
    return parser


def test_every_unit_runs_a_command_that_exists():
    commands = get_commands()
    for path in UNITS.glob("*.service"):
        exec_start = _unit(path.name)["Service"]["ExecStart"]
        if "manage.py" in exec_start:
            assert exec_start.split("manage.py ")[1].split()[0] in commands, path.name


def test_every_scheduled_job_has_a_timer_and_a_service():
    for job in ("reminders", "mentoring-reminders", "course-reminders", "purge-expired",
                "requeue"):
        timer = _unit(f"centre-{job}.timer")
        assert timer["Timer"]["OnCalendar"], job
        assert _unit(f"centre-{job}.service")["Service"]["Type"] == "oneshot"


def test_the_worker_has_a_stable_id_and_is_restarted():
    service = _unit("centre-worker@.service")["Service"]
    assert "run_worker --worker-id %H-%i" in service["ExecStart"]
    assert service["Restart"] == "always"
