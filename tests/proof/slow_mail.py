"""An email backend for the worker-kill test: it takes SLOW_MAIL_SECONDS to "send" each
message (a slow mail server; only the message whose subject is SLOW_MAIL_SUBJECT, if set), then writes it to EMAIL_FILE_PATH as one file per message,
named by a fresh uuid, so a message sent twice leaves two files."""

import os
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend


class SlowFileBackend(BaseEmailBackend):
    def send_messages(self, messages):
        for message in messages:
            if message.subject == os.environ.get("SLOW_MAIL_SUBJECT", message.subject):
                time.sleep(float(os.environ.get("SLOW_MAIL_SECONDS", "1")))
            path = Path(settings.EMAIL_FILE_PATH) / f"{uuid.uuid4().hex}.eml"
            path.write_text(message.subject, encoding="utf-8")
        return len(messages)
