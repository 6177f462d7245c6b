from courses.models.catalogue import (  # noqa: F401
    Competency,
    CompetencyFramework,
    CourseIndexPage,
    CoursePage,
    FrameworkVersion,
    ModulePage,
    Programme,
)
from courses.models.elearning import ELearningAttempt, ELearningPackage  # noqa: F401
from courses.models.learning import (  # noqa: F401
    Assignment,
    Certificate,
    Enrolment,
    KnowledgeCheckAttempt,
    ModuleCompletion,
    Reflection,
    TrainingReminder,
)
