from secondments.models.applications import (  # noqa: F401
    SecondmentApplication,
)
from secondments.models.development import DevelopmentGoal, GoalComment  # noqa: F401
from secondments.models.mentoring import (  # noqa: F401
    ExpertiseArea,
    MentoringBooking,
    MentoringSlot,
    MentorProfile,
)
from secondments.models.pages import SecondmentIndexPage, SecondmentOpportunityPage  # noqa: F401
