"""The database task queue and a mail server that fails, shared by the email and fault tests."""

from django.core.management import call_command
from django_tasks import task

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                              "QUEUES": ["default"]}}


class FlakyBackend:
    """An email backend that refuses the first `failures` sends, like a mail server that is
    down. Use as settings.EMAIL_BACKEND = "tests.task_queue.FlakyBackend"."""

    failures = 0
    sent = []

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        if FlakyBackend.failures > 0:
            FlakyBackend.failures -= 1
            raise ConnectionRefusedError("mail server down")
        FlakyBackend.sent.extend(messages)
        return len(messages)


def run_worker_until_idle():
    """Run django-tasks' database worker until no task is ready."""
    with open("/dev/null", "w") as devnull:
        call_command("db_worker", "--batch", "--interval", "0", "--no-startup-delay",
                     stdout=devnull, stderr=devnull)


@task()
def hold_then_write(hold_path, out_path):
    """A task that runs while `hold_path` exists (at most a minute), then writes `out_path`:
    lets a test kill its worker in the middle of it."""
    import os
    import time

    deadline = time.monotonic() + 60
    while os.path.exists(hold_path) and time.monotonic() < deadline:
        time.sleep(0.05)
    with open(out_path, "a") as out:
        out.write("done\n")
