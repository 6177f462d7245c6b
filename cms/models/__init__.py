from cms.models.api import ApiRequestLog, ApiToken  # noqa: F401
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
from cms.models.sso import OrganisationSignOn  # noqa: F401
from cms.models.workers import WorkerHeartbeat  # noqa: F401
