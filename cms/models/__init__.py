from cms.models.pages import (  # noqa: F401
    ContentPage,
    HomePage,
    PublicationIndexPage,
    PublicationPage,
    PublicationTag,
    TeamDirectoryPage,
)
from cms.models.people import Organisation, Team, User  # noqa: F401
from cms.models.workers import WorkerHeartbeat  # noqa: F401
