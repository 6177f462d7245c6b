from cms.models.branding import CentreBranding  # noqa: F401
from cms.models.pages import (  # noqa: F401
    ContentPage,
    HomePage,
    PublicationIndexPage,
    PublicationPage,
    PublicationTag,
    TeamDirectoryPage,
)
from cms.models.people import (  # noqa: F401
    Organisation,
    OrganisationMembershipRequest,
    Team,
    TeamMembershipRequest,
    User,
)
from cms.models.workers import WorkerHeartbeat  # noqa: F401
