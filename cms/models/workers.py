"""Task workers say they are alive, so that the task a dead worker held is put back on the
queue whatever the timing (see cms.workers)."""

from django.db import models


class WorkerHeartbeat(models.Model):
    worker_id = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    beat_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["worker_id"]

    def __str__(self):
        return f"{self.worker_id} (last seen {self.beat_at:%d/%m/%Y %H:%M:%S})"
