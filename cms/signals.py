"""Signals by which feature apps tell each other what happened without importing each
other. The kernel only declares them; the app named sends, any app may listen.

attendance_marked: sent by events inside the transaction that marks someone attended or
  not (so a listener's writes commit or roll back with the mark). Arguments:
  `user`, `booking_id`, `module_id` (the page id of a course module the event counts
  for, or None), `attended` (True, or False when attendance is taken back: a no-show),
  `by` (who marked it).
"""

from django.dispatch import Signal

attendance_marked = Signal()
