from courses.models.cpd import CPDEntry  # noqa: F401
