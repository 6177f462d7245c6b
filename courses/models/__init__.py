from courses.models.catalogue import (  # noqa: F401
    Competency,
    CompetencyFramework,
    CourseIndexPage,
    CoursePage,
    ModulePage,
    Programme,
)
from courses.models.elearning import ELearningAttempt, ELearningPackage  # noqa: F401
from courses.models.learning import (  # noqa: F401
    Assignment,
    Certificate,
    Enrolment,
    EnrolmentHistory,
    KnowledgeCheckAttempt,
    ModuleCompletion,
    Reflection,
    TrainingReminder,
)
